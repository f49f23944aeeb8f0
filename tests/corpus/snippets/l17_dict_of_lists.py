from collections import defaultdict
from operator import itemgetter

sales = [(f"region{i % 12}", f"item{i % 300}", (i * 37) % 1000) for i in range(400_000)]
by_region = defaultdict(list)
for region, item, amount in sales:
    by_region[region].append((item, amount))
totals = {r: sum(a for _, a in rows) for r, rows in by_region.items()}
best = max(totals.items(), key=itemgetter(1))
print(best)
per_item = defaultdict(int)
for _, item, amount in sales:
    per_item[item] += amount
top3 = sorted(per_item.items(), key=itemgetter(1), reverse=True)[:3]
print(top3)
del sales
by_region.clear()
print(len(by_region), len(per_item))
