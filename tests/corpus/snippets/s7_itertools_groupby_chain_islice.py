import itertools
import operator

events = [(f"user{i % 400}", i % 5, i) for i in range(60000)]
events.sort(key=operator.itemgetter(0))
groups = {user: [e[2] for e in grp] for user, grp in itertools.groupby(events, key=operator.itemgetter(0))}
print(len(groups), len(groups["user7"]))

flat = list(itertools.chain.from_iterable(groups.values()))
print(len(flat), flat[:3])

first_pages = [list(itertools.islice(ids, 0, 10)) for ids in groups.values()]
print(sum(map(len, first_pages)))

windows = zip(flat, itertools.islice(flat, 1, None))
increasing = sum(1 for a, b in windows if b > a)
print(increasing)

by_kind = {}
for kind, grp in itertools.groupby(sorted(events, key=operator.itemgetter(1)), operator.itemgetter(1)):
    by_kind[kind] = sum(1 for _ in grp)
print(by_kind)
counter = itertools.count(100, 5)
print([next(counter) for _ in range(4)], list(itertools.repeat("x", 3)))
cycled = list(itertools.islice(itertools.cycle("abc"), 7))
print("".join(cycled))
del events, groups, flat
