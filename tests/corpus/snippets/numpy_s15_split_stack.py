import numpy as np

data = np.arange(3_000_000, dtype=np.float64)
parts = np.split(data, 6)
print(len(parts), parts[0].base is data, parts[-1][:2])
uneven = np.array_split(data, 7)
print([len(p) for p in uneven][:3])

stacked = np.stack(parts[:3])
print(stacked.shape, stacked.base is None, np.shares_memory(stacked, data))
columns = np.column_stack([parts[0], parts[1]])
print(columns.shape)
del stacked, columns

del data
print(parts[0].base.shape)
chunks = [p * 2 for p in parts]
print(sum(c.sum() for c in chunks))
rows = np.vstack(chunks)
print(rows.shape, rows.flags["C_CONTIGUOUS"])
del chunks, parts, uneven
halves = np.hsplit(rows, 2)
print(halves[0].shape, halves[0].base is rows)
del rows
print(halves[1][0, :2])
del halves
