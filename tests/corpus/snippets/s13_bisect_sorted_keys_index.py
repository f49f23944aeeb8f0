import bisect
import random

random.seed(7)
timestamps = sorted(random.randrange(0, 10_000_000) for _ in range(300000))
values = [t % 1000 for t in timestamps]
print("span:", timestamps[0], timestamps[-1])

def window(lo, hi):
    i = bisect.bisect_left(timestamps, lo)
    j = bisect.bisect_right(timestamps, hi)
    return values[i:j]

sums = [sum(window(s, s + 50000)) for s in range(0, 10_000_000, 100000)]
print("windows:", len(sums), max(sums))
for t in range(100, 5000, 10):
    bisect.insort(timestamps, t)
print("after insort:", len(timestamps))
del values
del timestamps, sums
