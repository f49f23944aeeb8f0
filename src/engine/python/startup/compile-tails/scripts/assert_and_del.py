data = [list(range(100)) for _ in range(100)]
assert len(data) == 100, "size"
del data[0]
del data[:50]
x = y = z = None
del x, y
assert data, "still there"
