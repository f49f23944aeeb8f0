from functools import lru_cache


class Repository:
    def __init__(self, name):
        self.name = name
        self.rows = list(range(10000))

    @lru_cache(maxsize=128)
    def lookup(self, key):
        return [r for r in self.rows if r % 1000 == key]


repos = [Repository(f"repo{i}") for i in range(50)]
for r in repos:
    r.lookup(7)

# the cache keeps every Repository alive
del repos
print(Repository.lookup.cache_info())
