import atexit
import weakref

# a results cache that is "saved at exit": the registered bound method keeps the cache alive
# even after the script drops its own name for it
class ResultCache:
    def __init__(self):
        self.rows = {}

    def save(self, path):
        print("would save", len(self.rows), "rows to", path)

cache = ResultCache()
for i in range(50000):
    cache.rows[i] = ("row", i, str(i) * 3)
atexit.register(cache.save, "/tmp/cache.json")
print(len(cache.rows), atexit._ncallbacks() >= 1)

ref = weakref.ref(cache)
del cache
print("still alive:", ref() is not None, len(ref().rows))

atexit.unregister(ref().save)
print("after unregister:", ref() is None)

blobs = [bytes(1000) for _ in range(3000)]
holders = [ResultCache() for _ in range(3)]
finalizers = [weakref.finalize(h, print, "gone", k) for k, h in enumerate(holders)]
print(sum(f.alive for f in finalizers))
del blobs
