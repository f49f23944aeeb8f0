from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.evictions = 0

    def get(self, key, default=None):
        try:
            self.data.move_to_end(key)
        except KeyError:
            return default
        return self.data[key]

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        while len(self.data) > self.capacity:
            self.data.popitem(last=False)
            self.evictions += 1

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return f"LRUCache(capacity={self.capacity}, size={len(self)}, evictions={self.evictions})"


cache = LRUCache(5000)
for i in range(60000):
    k = (i * 7919) % 12000
    if cache.get(k) is None:
        cache.put(k, [k] * 10)
print(cache)
oldest = next(iter(cache.data))
newest = next(reversed(cache.data))
print("oldest:", oldest, "newest:", newest)
cache.capacity = 100
cache.put(-1, "x")
print(cache)
del cache
