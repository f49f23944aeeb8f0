from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return None

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            self.data.popitem(last=False)

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return f"LRUCache({len(self)}/{self.capacity}, hits={self.hits}, misses={self.misses})"


cache = LRUCache(5000)
for i in range(40000):
    key = (i * 7919) % 12000
    if cache.get(key) is None:
        cache.put(key, "v" * (key % 50) + str(key))
print(cache)
print(list(cache.data)[:5], list(cache.data)[-3:])
cache.data.move_to_end(list(cache.data)[-1], last=False)
print(next(iter(cache.data)))
cache.capacity = 100
cache.put(-1, "x")
while len(cache.data) > cache.capacity:
    cache.data.popitem(last=False)
print(cache, cache.get(-1))
cache.data.clear()
print(cache)
