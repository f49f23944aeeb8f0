from functools import lru_cache


@lru_cache(maxsize=1024)
def slow_square_list(n):
    return [n * n] * 100


@lru_cache(maxsize=None)
def collatz_len(n):
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


for i in range(20_000):
    slow_square_list(i % 3000)
print(slow_square_list.cache_info())

longest = max(range(1, 60_000), key=collatz_len)
print(longest, collatz_len.cache_info().currsize)

collatz_len.cache_clear()
print(collatz_len.cache_info())
slow_square_list.cache_clear()
