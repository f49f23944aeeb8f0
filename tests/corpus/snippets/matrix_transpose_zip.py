rows = [list(range(i, i + 500)) for i in range(2000)]
cols = list(map(list, zip(*rows)))
flat = [x for row in cols for x in row]
print(len(cols), len(flat))
del rows
del cols
del flat
