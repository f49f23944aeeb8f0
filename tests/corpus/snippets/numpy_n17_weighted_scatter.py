# Scatter-add weights into a grid with np.add.at, then a running maximum with maximum.accumulate.
import numpy as np

rng = np.random.default_rng(11)
n = 500_000
rows = rng.integers(0, 200, size=n)
cols = rng.integers(0, 300, size=n)
w = rng.random(n)
grid = np.zeros((200, 300))
np.add.at(grid, (rows, cols), w)
print(round(grid.sum(), 6) == round(w.sum(), 6))
flat = grid.ravel()
peak = np.maximum.accumulate(flat)
print(peak[-1] == flat.max(), peak.shape)
del rows, cols, w
totals = np.add.reduce(grid, axis=1)
print(totals.shape, totals.dtype)
