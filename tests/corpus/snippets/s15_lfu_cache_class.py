from collections import Counter, defaultdict


class LFUCache:
    """Least-frequently-used cache, evicts the rarest key when full."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = Counter()
        self.evictions = 0

    def get(self, key):
        if key in self.data:
            self.hits[key] += 1
            return self.data[key]
        return None

    def put(self, key, value):
        if key not in self.data and len(self.data) >= self.capacity:
            victim = min(self.data, key=lambda k: self.hits[k])
            del self.data[victim]
            del self.hits[victim]
            self.evictions += 1
        self.data[key] = value
        self.hits[key] += 1


cache = LFUCache(2000)
for i in range(6000):
    key = f"user:{i % 2500}"
    if cache.get(key) is None:
        cache.put(key, {"id": i, "name": "x" * 40, "tags": [i, i + 1]})

print(len(cache.data), cache.evictions, cache.hits.most_common(3))
buckets = defaultdict(list)
for k, n in cache.hits.items():
    buckets[n].append(k)
print(sorted((n, len(v)) for n, v in buckets.items())[:5])
del buckets
cache.data.clear()
print(len(cache.data), len(cache.hits))
del cache
