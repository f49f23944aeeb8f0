import functools


@functools.lru_cache(maxsize=None)
def expensive(n):
    return [n] * 100


for i in range(20000):
    expensive(i)

print(expensive.cache_info())
expensive.cache_clear()
print(expensive.cache_info())
