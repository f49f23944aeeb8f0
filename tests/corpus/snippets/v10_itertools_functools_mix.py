import itertools
import functools
import operator

pairs = list(itertools.product(range(300), repeat=2))
print(len(pairs))
sums = list(itertools.starmap(operator.add, pairs))
print(functools.reduce(operator.add, sums))
groups = {k: len(list(g)) for k, g in itertools.groupby(sorted(sums))}
print(len(groups), groups[300])


@functools.lru_cache(maxsize=None)
def ways(n):
    if n < 2:
        return 1
    return ways(n - 1) + ways(n - 2)


print(ways(400) % 1000007, ways.cache_info().currsize)
chained = list(itertools.chain.from_iterable([p, p] for p in pairs[:50000]))
print(len(chained))
del pairs, sums, chained
ways.cache_clear()
print(ways.cache_info())
