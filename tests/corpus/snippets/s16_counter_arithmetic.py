from collections import Counter

inventory = Counter({f"sku{i}": i % 40 for i in range(50000)})
orders = Counter({f"sku{i}": i % 7 for i in range(0, 50000, 2)})

remaining = inventory - orders
print(len(inventory), len(remaining))

restock = Counter({f"sku{i}": 5 for i in range(0, 50000, 5)})
total = remaining + restock
print(sum(total.values()))

common = inventory & orders
either = inventory | restock
print(len(common), len(either))

inventory.subtract(orders)
negative = [k for k, v in inventory.items() if v < 0]
print(len(negative))

inventory.update(restock)
print(inventory.total())
print(total.most_common(2))

positive = +inventory
print(len(positive))
del inventory, orders, remaining, total, either, common, positive
print(len(restock))
