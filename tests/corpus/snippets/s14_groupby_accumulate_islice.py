from itertools import groupby, accumulate, islice, chain
from operator import itemgetter
import operator

sales = [(f"region{i % 6}", i % 31, (i * 37) % 1000) for i in range(80000)]
sales.sort(key=itemgetter(0, 1))

totals = {}
for region, rows in groupby(sales, key=itemgetter(0)):
    totals[region] = sum(amount for _, _, amount in rows)
print(sorted(totals.items()))

running = list(accumulate(amount for _, _, amount in sales))
peak = list(accumulate((amount for _, _, amount in sales), max))
print(running[-1], peak[-1])

page = list(islice(sales, 1000, 1010))
print(page[:2])

nested = [[i] * (i % 5) for i in range(30000)]
flat = list(chain.from_iterable(nested))
print("flat:", len(flat), sum(islice(flat, 0, None, 1000)))
prod = list(islice(accumulate(range(1, 30), operator.mul), 5, 8))
print(prod)
del sales, running, peak, nested, flat
print("ok")
