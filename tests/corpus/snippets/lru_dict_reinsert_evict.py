"""LRU cache on a plain dict: since 3.7 dicts keep insertion order, so moving a
key to the end is pop + reinsert, and the oldest key is next(iter(d))."""

CAPACITY = 20_000


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.store = {}
        self.hits = self.misses = 0

    def get(self, key):
        try:
            value = self.store.pop(key)
        except KeyError:
            self.misses += 1
            return None
        self.store[key] = value
        self.hits += 1
        return value

    def put(self, key, value):
        if key in self.store:
            self.store.pop(key)
        elif len(self.store) >= self.capacity:
            oldest = next(iter(self.store))
            del self.store[oldest]
        self.store[key] = value


def render(n):
    return "<li>item %d</li>" % n * 3


lru = LRU(CAPACITY)
for n in range(100_000):
    key = (n * n + n // 3) % 30_000  # a skewed mix of hot and cold keys
    page = lru.get(key)
    if page is None:
        lru.put(key, render(key))

print("size", len(lru.store), "hits", lru.hits, "misses", lru.misses)
print("oldest key:", next(iter(lru.store)))
lru.store.clear()
print("after clear:", len(lru.store))
