class BufferPool:
    def __init__(self, size, count):
        self.size = size
        self.free = [bytearray(size) for _ in range(count)]
        self.leased = 0

    def lease(self):
        return _Lease(self)


class _Lease:
    def __init__(self, pool):
        self.pool = pool
        self.buf = None

    def __enter__(self):
        self.buf = self.pool.free.pop() if self.pool.free else bytearray(self.pool.size)
        self.pool.leased += 1
        return self.buf

    def __exit__(self, exc_type, exc, tb):
        self.buf[:] = bytes(len(self.buf))
        self.pool.free.append(self.buf)
        self.buf = None
        return exc_type is KeyError


pool = BufferPool(64 * 1024, 16)
print(len(pool.free), sum(len(b) for b in pool.free))
for i in range(200):
    with pool.lease() as b:
        b[0:4] = i.to_bytes(4, "little")
        if i % 50 == 0:
            raise KeyError(i)
print(pool.leased, len(pool.free))

try:
    with pool.lease() as b:
        raise ValueError("bad")
except ValueError as e:
    print("escaped:", e, len(pool.free))

held = []
for _ in range(40):
    m = pool.lease()
    held.append(m.__enter__())
print(len(pool.free), len(held))
held.clear()
pool.free.clear()
del pool
