import operator
from itertools import accumulate, pairwise

readings = [(i * 37) % 101 for i in range(100000)]
running = list(accumulate(readings))
print(running[:5], running[-1])
peaks = list(accumulate(readings, max))
print(peaks[:6], peaks[-1])
products = list(accumulate(range(1, 11), operator.mul, initial=1))
print(products)
deltas = [b - a for a, b in pairwise(readings)]
print(len(deltas), deltas[:5], min(deltas), max(deltas))
rising = sum(1 for a, b in pairwise(readings) if b > a)
print("rising", rising)
edges = list(pairwise("ABCDE"))
print(edges)
windows = [sum(w) for w in zip(readings, readings[1:], readings[2:])]
print(len(windows), windows[:3])
del running, peaks, deltas
balance = list(accumulate([100, -30, -80, 50, -10], lambda acc, x: max(acc + x, 0)))
print(balance, windows[-1])
