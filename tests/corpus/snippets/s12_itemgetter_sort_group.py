from operator import itemgetter, attrgetter, methodcaller
from itertools import groupby

rows = [(f"user{i % 400}", i % 12, (i * 37) % 1000) for i in range(60000)]
rows.sort(key=itemgetter(1, 0))
print(rows[0], rows[-1])
best = max(rows, key=itemgetter(2))
print(best)
by_month = {m: sum(map(itemgetter(2), grp)) for m, grp in groupby(rows, key=itemgetter(1))}
print(len(by_month), by_month[0])
names = list(map(methodcaller("upper"), {r[0] for r in rows}))
print(len(names), sorted(names)[:2])
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
pts = sorted((P(i % 50, -i) for i in range(20000)), key=attrgetter("x", "y"))
print(pts[0].x, pts[0].y)
del rows, pts
print(len(by_month))
