names = [f"sensor-{i}" for i in range(30000)]
values = [i * 0.25 for i in range(30000)]
units = ["C", "F", "K"] * 10000

rows = list(zip(names, values, units, strict=True))
print(len(rows), rows[1])
table = dict(zip(names, zip(values, units)))
print(table["sensor-7"], len(table))
try:
    list(zip(names, values[:-1], strict=True))
except ValueError as exc:
    print("mismatch:", exc)
try:
    for a, b in zip(range(3), range(5), strict=True):
        pass
except ValueError as exc:
    print("mismatch:", exc)
cols = list(zip(*rows))
print(len(cols), len(cols[0]), cols[2][:4])
del rows
pairs = list(zip(names[::2], names[1::2]))
print(pairs[0], len(pairs))
print(list(zip()), list(zip([1, 2], "ab", strict=True)))
del table, cols
