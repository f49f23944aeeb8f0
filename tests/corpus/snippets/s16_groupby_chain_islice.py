from itertools import groupby, chain, islice
from operator import itemgetter

rows = [(f"user{i % 700}", i % 24, i * 0.5) for i in range(120000)]
rows.sort(key=itemgetter(0, 1))

by_user = {}
for user, grp in groupby(rows, key=itemgetter(0)):
    by_user[user] = [amount for _, _, amount in grp]

print(len(by_user), sum(len(v) for v in by_user.values()))

flat = list(chain.from_iterable(by_user.values()))
print(f"flat: {len(flat)}")

def pages(iterable, size):
    it = iter(iterable)
    while True:
        page = list(islice(it, size))
        if not page:
            return
        yield page

page_sums = [sum(p) for p in pages(flat, 1000)]
print(len(page_sums), round(page_sums[0], 1))

del rows, flat
by_user.clear()
print("done")
