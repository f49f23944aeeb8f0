import itertools
from collections import defaultdict, Counter

events = [(i % 97, "evt-%d" % (i % 13), i) for i in range(300000)]
groups = defaultdict(list)
for user, kind, ts in events:
    groups[user].append((kind, ts))
print(len(groups))
c = Counter(kind for _, kind, _ in events)
print(c.most_common(3))
pairs = list(itertools.islice(itertools.combinations(range(2000), 2), 100000))
print(len(pairs))
del events, groups, pairs
