from collections import namedtuple, defaultdict

Sale = namedtuple("Sale", "region product amount")
sales = [Sale(f"r{i % 12}", f"p{i % 97}", i % 1000 / 10) for i in range(60000)]
print(sales[10])
totals = defaultdict(float)
counts = defaultdict(int)
for s in sales:
    totals[s.region, s.product] += s.amount
    counts[s.region] += 1
print(len(totals), counts["r3"])
best = sorted(totals.items(), key=lambda kv: kv[1], reverse=True)[:5]
print(best[0][0])
del sales
totals = dict(totals)
print(round(sum(totals.values()), 1))
