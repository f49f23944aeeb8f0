import numpy as np

big = np.arange(5_000_000, dtype=np.int64)
print(big.nbytes // 1_000_000, "MB")

view = big[1000:2000]
copy = big[1000:2000].copy()
print(view.base is big, copy.base is None, np.shares_memory(view, big))

del big
print(view.sum(), copy.sum())

grid = np.zeros((1000, 1000), dtype=np.float32)
row = grid[10]
col = grid[:, 10]
row[:] = 1.0
print(grid.sum(), col.flags["C_CONTIGUOUS"], row.flags["C_CONTIGUOUS"])
flat = grid.ravel()
t = grid.T.ravel()
print(np.shares_memory(flat, grid), np.shares_memory(t, grid))
picked = grid[[1, 10, 100]]
print(picked.base is None or picked.base is not grid, picked.shape)
del grid, row
print(col.base is not None, col.size)
