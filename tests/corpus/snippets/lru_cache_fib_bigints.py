from functools import lru_cache
import sys

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(300))
print(fib.cache_info())
fib.cache_clear()
big = [fib(i) for i in range(1000)]
print(sys.getsizeof(big[-1]))
del big
print(fib.cache_info().currsize)
