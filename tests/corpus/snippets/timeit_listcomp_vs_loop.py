"""Timing a list comprehension against a for-loop with timeit and perf_counter."""
import timeit
import time


def with_loop(n=20_000):
    out = []
    for i in range(n):
        out.append(i * i)
    return out


def with_comp(n=20_000):
    return [i * i for i in range(n)]


t_loop = timeit.timeit(with_loop, number=30)
t_comp = timeit.timeit(with_comp, number=30)
print("loop slower than comprehension:", t_loop > 0 and t_comp > 0)

repeats = timeit.repeat("sorted(data)", setup="data = list(range(10000, 0, -1))", repeat=3, number=20)
print("repeat gave", len(repeats), "timings")

start = time.perf_counter()
squares = with_comp(300_000)
elapsed = time.perf_counter() - start
print(f"300k squares built, elapsed positive: {elapsed > 0}")

timer = timeit.Timer(stmt="''.join(parts)", setup="parts = [str(i) for i in range(5000)]")
number, total = timer.autorange()
print("autorange ran at least once:", number >= 1)
del squares
