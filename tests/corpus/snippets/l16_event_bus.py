import sys, gc
from collections import defaultdict

class Event:
    __slots__ = ("kind", "payload", "ts")
    def __init__(self, kind, payload, ts):
        self.kind = kind
        self.payload = payload
        self.ts = ts
    def __repr__(self):
        return f"Event({self.kind!r}, ts={self.ts})"

class Bus:
    def __init__(self):
        self.handlers = defaultdict(list)
        self.history = []
    def on(self, kind):
        def deco(fn):
            self.handlers[kind].append(fn)
            return fn
        return deco
    def emit(self, ev):
        self.history.append(ev)
        for h in self.handlers[ev.kind]:
            h(ev)

bus = Bus()
totals = {}

@bus.on("click")
def count_click(ev):
    totals["click"] = totals.get("click", 0) + 1

@bus.on("move")
def track(ev):
    totals.setdefault("moves", []).append(ev.payload)

for i in range(200_000):
    kind = "click" if i % 3 == 0 else "move"
    bus.emit(Event(kind, (i, i * 2), i / 10))

print(len(bus.history), totals["click"], len(totals["moves"]))
print(bus.history[-1], sys.getsizeof(bus.history[0]))
bus.history.clear()
del totals["moves"]
gc.collect()
print("cleared", len(bus.history))
