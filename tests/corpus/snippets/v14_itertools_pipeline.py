from itertools import accumulate, chain, islice, groupby

rows = [list(range(i % 50)) for i in range(20000)]
flat = list(chain.from_iterable(rows))
print(len(flat))
running = list(accumulate(flat))
print(running[-1])
firsts = list(islice((r for r in rows if len(r) > 40), 1000))
print(len(firsts))
runs = [(k, sum(1 for _ in g)) for k, g in groupby(sorted(flat))]
print(runs[:3])
del rows, flat
del running
print(len(firsts), len(runs))
