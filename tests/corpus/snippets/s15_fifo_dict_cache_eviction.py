import random
import time

random.seed(17)


class FIFOCache:
    def __init__(self, maxsize):
        self.maxsize = maxsize
        self.store = {}
        self.misses = 0

    def get_or_compute(self, key, fn):
        try:
            return self.store[key]
        except KeyError:
            self.misses += 1
            value = fn(key)
            if len(self.store) >= self.maxsize:
                oldest = next(iter(self.store))
                self.store.pop(oldest)
            self.store[key] = value
            return value


def render(key):
    return f"<div id='{key}'>" + "content " * 20 + "</div>"


cache = FIFOCache(5000)
start = time.perf_counter()
for _ in range(100000):
    page = cache.get_or_compute(random.randint(0, 8000), render)
elapsed = time.perf_counter() - start
print(len(cache.store), cache.misses, elapsed > 0)
print(list(cache.store)[:3])
cache.maxsize = 500
while len(cache.store) > cache.maxsize:
    cache.store.pop(next(iter(cache.store)))
print(len(cache.store))
del cache, page
