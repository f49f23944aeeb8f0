import gc, weakref

closed = []

class Resource:
    def __init__(self, name):
        self.name = name
        self.peer = None
        self.data = bytearray(1000)
        weakref.finalize(self, closed.append, name)

pairs = []
for i in range(5_000):
    a, b = Resource(f"a{i}"), Resource(f"b{i}")
    a.peer, b.peer = b, a
    pairs.append((a, b))
print(len(pairs), len(closed))
del a, b
pairs.clear()
print("before collect", len(closed))
n = gc.collect()
print("collected", n > 0, len(closed))
