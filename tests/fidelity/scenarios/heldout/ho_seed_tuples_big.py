# title: A million tuples and a million lists of 120
rows = [(i, i + 1) for i in range(1000000)]
grid = [[0] * 120 for _ in range(300000)]
del rows
del grid
