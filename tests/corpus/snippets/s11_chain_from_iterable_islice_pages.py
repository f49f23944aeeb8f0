from itertools import chain, islice

def pages(n_pages, per_page):
    for p in range(n_pages):
        yield [f"item-{p}-{i}" for i in range(per_page)]

flat = chain.from_iterable(pages(400, 100))
first = list(islice(flat, 10))
print(first[:3])
next_chunk = list(islice(flat, 5, 15))
print(next_chunk[0], next_chunk[-1])

everything = list(chain.from_iterable(pages(400, 100)))
print(len(everything), everything[-1])

def batched(iterable, n):
    it = iter(iterable)
    while True:
        batch = list(islice(it, n))
        if not batch:
            return
        yield batch

sizes = [len(b) for b in batched(everything, 333)]
print(len(sizes), sizes[-1])
merged = list(chain(everything[:3], ["x"], range(3)))
print(merged)
del everything
print(sum(1 for _ in islice(chain.from_iterable(pages(10, 10)), 0, None, 7)))
