# Object pool: keep a few expensive buffers around and hand them out again
# instead of allocating a new one for every message.


class Buffer:
    def __init__(self, size):
        self.data = bytearray(size)
        self.used = 0

    def reset(self):
        self.used = 0


class BufferPool:
    def __init__(self, size, count):
        self.size = size
        self._free = [Buffer(size) for _ in range(count)]
        self.created = count

    def acquire(self):
        if self._free:
            return self._free.pop()
        self.created += 1
        return Buffer(self.size)

    def release(self, buf):
        buf.reset()
        self._free.append(buf)


pool = BufferPool(64 * 1024, 8)

for msg in range(2000):
    buf = pool.acquire()
    payload = (b"%05d|" % msg) * 100
    buf.data[: len(payload)] = payload
    buf.used = len(payload)
    pool.release(buf)

print("buffers created:", pool.created)

held = [pool.acquire() for _ in range(40)]
print("buffers created:", pool.created, "free:", len(pool._free))
for b in held:
    pool.release(b)
del held
print("free after release:", len(pool._free))
