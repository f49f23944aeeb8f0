from itertools import accumulate, chain, combinations, groupby, islice, product, count


def batched(iterable, n):
    it = iter(iterable)
    while True:
        batch = list(islice(it, n))
        if not batch:
            return
        yield batch


pages = [[f"row{p}-{i}" for i in range(500)] for p in range(200)]
all_rows = list(chain.from_iterable(pages))
print(len(all_rows))

sizes = [len(b) for b in batched(all_rows, 4096)]
print(sizes[:3], sizes[-1])

running = list(accumulate(range(1, 200_001)))
print(running[-1])

pairs = sum(1 for _ in combinations(range(400), 2))
grid = list(product(range(100), repeat=2))
print(pairs, len(grid))

firsts = [k for k, _ in groupby(sorted(all_rows, key=lambda r: r.split("-")[0]), key=lambda r: r.split("-")[0])]
print(len(firsts), next(islice(count(10, 5), 3, None)))
del pages, all_rows, running
