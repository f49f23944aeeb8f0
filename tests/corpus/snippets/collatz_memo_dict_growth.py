# Memoization that "blows up": a module-level cache that nobody ever clears.
import sys

_cache = {1: 1}


def collatz_length(n):
    path = []
    while n not in _cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = _cache[n]
    for m in reversed(path):
        length += 1
        _cache[m] = length
    return _cache[path[0]] if path else length


best = max(range(1, 150_000), key=collatz_length)
print(f"longest chain under 150000 starts at {best} ({_cache[best]} steps)")
print(f"cache entries: {len(_cache):,}, dict size {sys.getsizeof(_cache) / 2**20:.1f} MiB")

big_keys = sum(1 for k in _cache if k > 10**9)
print("keys above a billion:", big_keys)

for k in [k for k in _cache if k > 1_000_000]:
    del _cache[k]
print("after pruning:", len(_cache), "getsizeof still", sys.getsizeof(_cache))

_cache = dict(_cache)
print("rebuilt:", sys.getsizeof(_cache))
_cache.clear()
