import sys
from functools import lru_cache

memo = {}


def partitions(n, k):
    """Number of ways to write n as a sum of parts no bigger than k."""
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key in memo:
        return memo[key]
    result = partitions(n - k, k) + partitions(n, k - 1)
    memo[key] = result
    return result


sys.setrecursionlimit(10000)
print(partitions(300, 300))
print("memo entries:", len(memo))


@lru_cache(maxsize=None)
def edit_distance(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))


print(edit_distance("kitten sitting on the mat", "sitting kitten at the map"))
print(edit_distance.cache_info())
edit_distance.cache_clear()
memo.clear()
print(edit_distance.cache_info().currsize, len(memo))
