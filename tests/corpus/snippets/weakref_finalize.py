import weakref

freed = []


class Buffer:
    def __init__(self, n):
        self.data = bytes(n)


bufs = []
for i in range(1000):
    b = Buffer(100000)
    weakref.finalize(b, freed.append, i)
    bufs.append(b)

del b
del bufs
print(len(freed), "finalizers ran")
