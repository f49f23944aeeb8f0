from itertools import zip_longest

columns = [[f"c{c}r{r}" for r in range(c * 500 % 7000 + 1000)] for c in range(20)]
print([len(c) for c in columns[:5]])
rows = list(zip_longest(*columns, fillvalue=""))
print(len(rows), rows[0][:3], rows[-1][-3:])
widths = [max(len(x) for x in col) for col in columns]
lines = [" ".join(x.ljust(w) for x, w in zip(row, widths)) for row in rows[:5000]]
print(len(lines[0]), lines[1][:30])
pairs = list(zip_longest(range(5), "abc"))
print(pairs)
merged = [a + b for a, b in zip_longest([1, 2, 3], [10, 20], fillvalue=0)]
print(merged)
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("strict:", e)
del rows, lines
print(sum(len(c) for c in columns))
