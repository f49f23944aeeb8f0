import gc
import weakref

log = []


class Buffer:
    def __init__(self, name, size):
        self.name = name
        self.data = bytearray(size)


def on_release(name, size):
    log.append(f"released {name} ({size} bytes)")


buffers = []
finalizers = []
for i in range(20):
    b = Buffer(f"buf{i}", 256 * 1024)
    finalizers.append(weakref.finalize(b, on_release, b.name, len(b.data)))
    buffers.append(b)
print(sum(f.alive for f in finalizers), finalizers[0].atexit)
del b
del buffers[:10]
print(len(log), log[:2])
print(sum(f.alive for f in finalizers))
info = finalizers[15].peek()
print(info[1], info[2])
detached = finalizers[19].detach()
print(detached[1], finalizers[19].alive)
print(finalizers[18](), finalizers[18].alive, finalizers[18]())
buffers.clear()
gc.collect()
print(len(log), log[-1])


class Parent:
    def __init__(self):
        self.child = {"parent": self, "blob": bytes(1 << 20)}


p = Parent()
f = weakref.finalize(p, log.append, "parent cycle freed")
del p
print(f.alive)
gc.collect()
print(f.alive, log[-1])
