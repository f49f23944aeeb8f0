from collections import OrderedDict

class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return None

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            old_key, _ = self.data.popitem(last=False)
            return old_key

cache = LRU(500)
evicted = []
for i in range(20000):
    key = i % 1500 if i % 4 else i % 300
    if cache.get(key) is None:
        gone = cache.put(key, bytes(2000) + str(i).encode())
        if gone is not None:
            evicted.append(gone)

print(len(cache.data), cache.hits, cache.misses, len(evicted))
print(list(cache.data)[:5], next(reversed(cache.data)))
cache.data.move_to_end(next(iter(cache.data)), last=False)
cache.data.clear()
print(len(cache.data))
