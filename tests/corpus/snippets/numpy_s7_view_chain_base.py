import numpy as np

big = np.arange(4_000_000, dtype=np.float64)
grid = big.reshape(2000, 2000)
col = grid[:, 5]
tile = grid[100:110, 100:110].T
print(grid.base is big, col.base is big, tile.base is big, tile.flags["C_CONTIGUOUS"])
print(big.nbytes // 2**20, col.nbytes, col.strides, tile.shape)
del big, grid
print(col.base.nbytes // 2**20, col[:3])
kept = col.copy()
print(kept.base is None, kept.flags["OWNDATA"])
del col, tile
print(kept.sum(), np.shares_memory(kept, kept[1:]))
m = np.ones((1000, 1000), dtype=np.int32)
flat = m.ravel()
flat2 = m.T.ravel()
print(np.shares_memory(m, flat), np.shares_memory(m, flat2))
del m, flat, flat2, kept
