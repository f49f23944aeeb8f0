d = {}
for i in range(250000):
    d[i] = i * i
print(len(d))
for i in range(0, 250000, 2):
    del d[i]
print(len(d))
d2 = dict(d)
print(len(d2))
for i in range(100000):
    d[f"k{i}"] = None
print(len(d))
d.clear()
print(len(d))
keys = list(d2)
d3 = dict.fromkeys(keys, 0)
del d2
merged = d3 | {k: 1 for k in range(0, 500000, 5)}
print(len(merged))
del d3, keys, merged, d
