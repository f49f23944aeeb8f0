inventory = {f"item{i:05d}": i * 3 % 1000 for i in range(80000)}
keys = inventory.keys()
values = inventory.values()
items = inventory.items()
print(len(keys), sum(values))
other = {f"item{i:05d}": 1 for i in range(40000, 120000)}
common = keys & other.keys()
only_here = keys - other.keys()
print(len(common), len(only_here))
top = sorted(items, key=lambda kv: kv[1], reverse=True)[:10]
print(top[:3])
pairs = list(items)
print(len(pairs), pairs[0])
inventory["new"] = 5
print(len(keys), "new" in keys)
del pairs, top
snapshot = dict(items)
print(len(snapshot))
del inventory, other, common, only_here
