from collections import OrderedDict

class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key):
        try:
            v = self.data[key]
        except KeyError:
            self.misses += 1
            v = self.data[key] = "value-%06d" % key * 3
            if len(self.data) > self.cap:
                self.data.popitem(last=False)
        else:
            self.hits += 1
            self.data.move_to_end(key)
        return v

cache = LRU(20000)
total = 0
for i in range(150000):
    total += len(cache.get((i * 7919) % 50000))
print(cache.hits, cache.misses, total, len(cache.data))
cache.cap = 100
while len(cache.data) > cache.cap:
    cache.data.popitem(last=False)
print(len(cache.data))
del cache
