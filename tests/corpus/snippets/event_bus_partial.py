from functools import partial
from collections import defaultdict


class EventBus:
    def __init__(self):
        self._handlers = defaultdict(list)

    def subscribe(self, name, fn):
        self._handlers[name].append(fn)

    def unsubscribe_all(self, name):
        self._handlers.pop(name, None)

    def emit(self, name, *args, **kwargs):
        for fn in self._handlers.get(name, []):
            fn(*args, **kwargs)


received = []

def on_message(tag, payload, *, urgent=False):
    received.append((tag, len(payload), urgent))

bus = EventBus()
for i in range(2000):
    bus.subscribe("msg", partial(on_message, f"h{i}"))

for j in range(20):
    bus.emit("msg", "x" * (j + 1) * 100, urgent=j % 2 == 0)

print(len(received))
bus.unsubscribe_all("msg")
received.clear()
print("done")
