import gc
import weakref

closed = []


class Resource:
    def __init__(self, name, size):
        self.name = name
        self.data = bytearray(size)
        self._finalizer = weakref.finalize(self, closed.append, name)

    def close(self):
        self._finalizer()

    @property
    def closed(self):
        return not self._finalizer.alive


resources = [Resource(f"r{i}", 1024) for i in range(3000)]
print("alive:", sum(not r.closed for r in resources))

for r in resources[:500]:
    r.close()
print("closed explicitly:", len(closed))

del resources[:1500]
print("after del:", len(closed))

a = Resource("cycle-a", 10)
b = Resource("cycle-b", 10)
a.other, b.other = b, a
del a, b
print("before collect:", closed[-1])
gc.collect()
print("after collect:", closed[-2:])
big = Resource("big", 5_000_000)
f = weakref.finalize(big, print, "big finalized")
del big
print(f.alive, len(closed))
