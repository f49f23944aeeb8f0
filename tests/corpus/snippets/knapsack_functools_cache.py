from functools import cache
import sys

sys.setrecursionlimit(5_000)

weights = [(i * 37) % 23 + 1 for i in range(120)]
values = [(i * 53) % 31 + 5 for i in range(120)]


@cache
def best(i: int, capacity: int) -> int:
    if i == len(weights) or capacity == 0:
        return 0
    skip = best(i + 1, capacity)
    if weights[i] > capacity:
        return skip
    return max(skip, values[i] + best(i + 1, capacity - weights[i]))


print("best value:", best(0, 300))
info = best.cache_info()
print(f"cache: hits={info.hits} misses={info.misses} size={info.currsize}")


@cache
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


print("paths 60x60:", grid_paths(60, 60))
print("grid cache size:", grid_paths.cache_info().currsize)

best.cache_clear()
print("after clear:", best.cache_info().currsize)
print("again:", best(0, 150), best.cache_info().currsize)
grid_paths.cache_clear()
