import itertools

events = [("user%d" % (i % 500), i) for i in range(300000)]
events.sort()
grouped = {k: [v for _, v in g] for k, g in itertools.groupby(events, key=lambda e: e[0])}
print(len(grouped))
pairs = list(itertools.islice(itertools.combinations(range(2000), 2), 500000))
print(len(pairs))
del events, grouped, pairs
