# A tiny in-memory cache with a time-to-live, the way people write it before
# reaching for cachetools. The clock is passed in so the demo is repeatable.


class TTLCache:
    def __init__(self, ttl, maxsize=50_000):
        self.ttl = ttl
        self.maxsize = maxsize
        self._data = {}  # key -> (expires_at, value)

    def set(self, key, value, now):
        if len(self._data) >= self.maxsize:
            self.expire(now)
        self._data[key] = (now + self.ttl, value)

    def get(self, key, now, default=None):
        item = self._data.get(key)
        if item is None:
            return default
        expires_at, value = item
        if expires_at <= now:
            del self._data[key]
            return default
        return value

    def expire(self, now):
        stale = [k for k, (exp, _) in self._data.items() if exp <= now]
        for k in stale:
            del self._data[k]
        return len(stale)

    def __len__(self):
        return len(self._data)


cache = TTLCache(ttl=30.0)
now = 0.0
for i in range(60_000):
    now += 0.001
    cache.set(f"user:{i}", {"id": i, "name": "user%d" % i, "roles": ["read"]}, now)

print("entries:", len(cache))
hits = sum(1 for i in range(0, 60_000, 7) if cache.get(f"user:{i}", now) is not None)
print("hits:", hits)

now += 29.99
removed = cache.expire(now)
print("expired", removed, "left", len(cache))

now += 60
removed = cache.expire(now)
print("expired", removed, "left", len(cache))
