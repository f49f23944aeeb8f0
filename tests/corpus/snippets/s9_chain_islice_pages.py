from itertools import chain, islice, count, cycle, repeat, takewhile, dropwhile, starmap, compress

shards = [[f"doc-{s}-{i}" for i in range(5000)] for s in range(8)]
everything = chain.from_iterable(shards)
page = list(islice(everything, 100, 110))
print(page[:3], len(page))
rest = sum(1 for _ in everything)
print(rest)


def pages(iterable, size):
    it = iter(iterable)
    while chunk := list(islice(it, size)):
        yield chunk


all_pages = list(pages(chain(*shards), 750))
print(len(all_pages), len(all_pages[-1]), all_pages[-1][-1])
print(list(islice(count(10, 5), 4)), list(islice(cycle("ab"), 5)), list(repeat(0, 3)))
print(list(takewhile(lambda x: x < 5, range(10))), list(dropwhile(lambda x: x < 8, range(10))))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(compress("abcdef", [1, 0, 1, 0, 1, 0])))
ids = list(islice(chain.from_iterable(zip(*shards)), 0, None, 997))
print(len(ids), ids[:2])
del shards, all_pages
print(len(page))
