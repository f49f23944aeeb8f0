def make_lookup(n):
    table = [i * i for i in range(n)]
    names = [f"item-{i}" for i in range(n)]

    def lookup(i):
        return names[i], table[i]
    return lookup

handlers = {}
for size in (10000, 50000, 100000, 200000):
    handlers[size] = make_lookup(size)
print(handlers[50000](49999))
cells = handlers[200000].__closure__
print("cells:", len(cells), "captured lengths:", [len(c.cell_contents) for c in cells])
del cells
del handlers[200000]
print("left:", sorted(handlers))
handlers.clear()
print("done")
