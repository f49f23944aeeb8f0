import functools
import sys

memo = {0: 0, 1: 1}

def fib(n):
    if n in memo:
        return memo[n]
    result = fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result

for n in range(0, 4000, 50):
    fib(n)
print(len(memo), sys.getsizeof(memo), len(str(memo[3950])))

@functools.lru_cache(maxsize=None)
def fib2(n):
    return n if n < 2 else fib2(n - 1) + fib2(n - 2)

for n in range(0, 4000, 50):
    fib2(n)
print(fib2.cache_info())
print(fib2(3950) == memo[3950])
fib2.cache_clear()
print(fib2.cache_info().currsize)

@functools.lru_cache(maxsize=256)
def collatz(n):
    if n == 1:
        return 0
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)

print(max(range(1, 30000), key=collatz))
print(collatz.cache_info())
del memo
