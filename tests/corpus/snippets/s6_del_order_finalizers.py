import gc

events = []


class Tracked:
    def __init__(self, name, payload=0):
        self.name = name
        self.payload = bytearray(payload)

    def __del__(self):
        events.append(self.name)


a = Tracked("a", 1000)
b = Tracked("b", 1000)
c = Tracked("c", 1000)
del b
print(events)
items = [Tracked(f"item{i}", 500) for i in range(5)]
items = None
print(events)
x = Tracked("x")
y = Tracked("y")
x.other = y
y.other = x
del x, y
print("before collect", events[-2:])
print("collected", gc.collect())
print(events[-2:])
many = {i: Tracked(f"m{i}", 200) for i in range(20000)}
many.clear()
print(len(events), events[-1])
c = None
print(events[-1], gc.garbage)
