import weakref

closed = []

class TempResource:
    def __init__(self, name, size):
        self.name = name
        self.data = bytearray(size)
        self._finalizer = weakref.finalize(self, closed.append, name)

    def close(self):
        self._finalizer()

    @property
    def closed(self):
        return not self._finalizer.alive

res = [TempResource(f"r{i}", 10000) for i in range(200)]
print(len(closed), res[0].closed)
res[0].close()
res[0].close()
print(closed, res[0].closed)

del res[1:50]
print(len(closed), closed[-1])

f = weakref.finalize(res[60], print, "finalizer ran")
print(f.alive, f.atexit)
info = f.peek()
print(info[1], info[2])
det = f.detach()
print(det is not None, f.alive)
res.clear()
print(len(closed))
