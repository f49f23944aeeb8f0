from collections import Counter

stock = Counter({f"sku{i}": (i * 13) % 50 + 1 for i in range(20000)})
orders = Counter()
for i in range(60000):
    orders[f"sku{(i * 7) % 25000}"] += 1
print(len(stock), len(orders), sum(stock.values()))
remaining = stock - orders
backorder = orders - stock
print(len(remaining), len(backorder), backorder.most_common(2))
both = stock & orders
either = stock | orders
print(len(both), len(either), either.total())
stock.subtract(orders)
print(min(stock.values()), sum(1 for v in stock.values() if v < 0))
del orders, either
print(len(remaining) + len(backorder))
del stock, remaining, backorder, both
