from itertools import groupby, accumulate
import operator
import random

random.seed(3)
readings = [random.choice("AAABBC") for _ in range(50000)]

runs = [(k, len(list(g))) for k, g in groupby(readings)]
print(len(runs), runs[:5], max(runs, key=lambda r: r[1]))

values = [random.randint(-5, 10) for _ in range(50000)]
running = list(accumulate(values))
print(running[:6], running[-1] == sum(values))
peaks = list(accumulate(values, max))
print(peaks[-1])
products = list(accumulate(range(1, 15), operator.mul))
print(products[-1])

records = sorted(((i % 50, i) for i in range(30000)), key=lambda t: t[0])
grouped = {k: [v for _, v in g] for k, g in groupby(records, key=lambda t: t[0])}
print(len(grouped), grouped[7][:4])
del readings, running, peaks
print(sum(len(v) for v in grouped.values()))
