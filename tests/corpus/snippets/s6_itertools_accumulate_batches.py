import operator
from itertools import accumulate, compress, islice, pairwise, starmap, cycle, repeat


def batched(iterable, n):
    it = iter(iterable)
    while batch := tuple(islice(it, n)):
        yield batch


readings = [((i * 7919) % 1000) / 10 for i in range(200000)]
running = list(accumulate(readings))
peaks = list(accumulate(readings, max))
growth = list(accumulate(range(1, 15), operator.mul))
print(round(running[-1], 2), peaks[-1], growth[-1])
deltas = [b - a for a, b in pairwise(readings)]
print(len(deltas), round(min(deltas), 1))
batches = list(batched(readings, 1000))
means = [sum(b) / len(b) for b in batches]
print(len(batches), round(means[0], 3))
mask = [r > 50 for r in readings]
high = list(compress(readings, mask))
print(len(high))
powers = list(starmap(pow, zip(range(1000), repeat(2))))
print(powers[-1], list(islice(cycle("abc"), 7)))
print(list(accumulate([1, 2, 3], initial=100)))
del running, peaks, deltas, batches
