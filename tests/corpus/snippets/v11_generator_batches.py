def numbers(n):
    for i in range(n):
        yield i * 3


def batched(it, size):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


sums = [sum(b) for b in batched(numbers(300000), 1000)]
print(len(sums), sums[:2])
gen = (str(x) for x in numbers(100000))
first = [next(gen) for _ in range(10)]
print(first)
kept = list(gen)
print(len(kept))
del kept, gen
pairs = list(zip(numbers(50000), (s for s in sums for _ in range(200))))
print(len(pairs))
