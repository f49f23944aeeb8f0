import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return fib(n + 1) + 1


fib(0)
