import copy

keys = [f"k{i}" for i in range(100000)]
values = list(range(100000))

d1 = dict(zip(keys, values))
d2 = dict.fromkeys(keys, 0)
d3 = {k: [] for k in keys}

shallow = copy.copy(d3)
shallow["k0"].append(1)
print(d3["k0"], len(shallow))

merged = {**d1, **d2}
merged |= {"extra": -1}
print(len(merged), merged["k5"], merged["extra"])
del d1, d2, d3, shallow
del merged
