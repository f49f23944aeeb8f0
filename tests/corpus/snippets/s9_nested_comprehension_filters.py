grid = [[(r * 31 + c * 17) % 100 for c in range(300)] for r in range(300)]
evens = [[v for v in row if v % 2 == 0] for row in grid if sum(row) % 3 != 1]
print(len(evens), len(evens[0]))
flat = [v for row in grid for v in row if v > 90]
print(len(flat))
coords = [(r, c) for r, row in enumerate(grid) if r % 10 == 0 for c, v in enumerate(row) if v == 0]
print(len(coords), coords[:3])
lookup = {(r, c): v for r, row in enumerate(grid) for c, v in enumerate(row) if v in (1, 99)}
print(len(lookup))
by_value = {v: [p for p, pv in lookup.items() if pv == v][:2] for v in {1, 99}}
print(sorted(by_value))
transposed = [[row[c] for row in grid] for c in range(len(grid[0]))]
print(transposed[5][7] == grid[7][5])
labels = [f"{'hi' if v > 50 else 'lo'}" for row in grid[:5] for v in row]
print(labels.count("hi"))
uniq = {v for row in grid for v in row if v % 7 == 0}
print(sorted(uniq)[:5], len(uniq))
del grid, transposed
print(len(flat) + len(coords))
