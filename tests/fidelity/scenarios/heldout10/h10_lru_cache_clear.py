# title: functools.lru_cache filled with lists, then cache_clear()
#
# Held-out (issue 9): memoising a function that returns lists; the cache is
# cleared and the process is asked whether the memory came back.
import functools


@functools.lru_cache(maxsize=None)
def expand(n):
    return [n * k for k in range(40)]


total = 0
for i in range(30000):
    total += expand(i)[-1]
info = expand.cache_info()
expand.cache_clear()
