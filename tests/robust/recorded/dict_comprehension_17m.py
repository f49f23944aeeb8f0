# Issue 12 §8: a dict of seventeen million ints, a finite workload once stopped by a budget (CPython: 16 s, 1.17 GB)
d = {i: None for i in range(17_000_000)}
del d
