import numpy as np

table = np.arange(3_000_000, dtype=np.int64).reshape(1000, 3000)
print(table.shape, table.nbytes)
rows = np.array([5, 900, 17, 5, 333])
picked = table[rows]
print(picked.shape, picked.base is None, picked[0, :3])
cols = table[:, [0, 10, 2999]]
print(cols.shape, cols[-1])
order = np.argsort(-table[:, 7])
shuffled = table[order]
print(shuffled[0, 7], shuffled.flags["C_CONTIGUOUS"])
table[rows, 0] = -1
print(table[5, 0], table[900, 0])
del shuffled
take = np.take(table, [1, 2, 3], axis=1)
print(take.shape)
del table
print(picked.sum(), cols.sum())
