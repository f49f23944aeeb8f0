class Connection:
    __slots__ = ("id", "buffer", "in_use")

    def __init__(self, cid):
        self.id = cid
        self.buffer = bytearray(4096)
        self.in_use = False

    def reset(self):
        self.buffer[:] = bytes(4096)

class Pool:
    def __init__(self, size):
        self._free = [Connection(i) for i in range(size)]
        self._all = list(self._free)

    def acquire(self):
        if self._free:
            c = self._free.pop()
        else:
            c = Connection(len(self._all))
            self._all.append(c)
        c.in_use = True
        return c

    def release(self, c):
        c.in_use = False
        c.reset()
        self._free.append(c)

pool = Pool(100)
active = [pool.acquire() for _ in range(3000)]
print("total connections:", len(pool._all))

for c in active[:2500]:
    pool.release(c)
del active[:2500]
print("free:", len(pool._free), "active:", len(active))

for c in active:
    pool.release(c)
active.clear()
print(sum(1 for c in pool._all if c.in_use))

pool._free = pool._free[:100]
pool._all = list(pool._free)
print(len(pool._all))
del pool
