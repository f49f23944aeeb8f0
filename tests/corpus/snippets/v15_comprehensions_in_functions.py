def squares_table(n):
    return {k: [k * k for _ in range(8)] for k in range(n)}


def flatten(table):
    return [v for row in table.values() for v in row]


def evens(values):
    return {v for v in values if v % 2 == 0}


tables = [squares_table(5000) for _ in range(6)]
print(len(tables), len(tables[0]))
flat = flatten(tables[-1])
print(len(flat))
ev = evens(flat)
print(len(ev))
del tables
print(sum(len(flatten(squares_table(2000))) for _ in range(5)))
del flat, ev
