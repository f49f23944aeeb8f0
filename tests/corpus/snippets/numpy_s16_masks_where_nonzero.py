import numpy as np

rng = np.random.default_rng(0)
data = rng.normal(0, 1, 1_000_000)

mask = data > 1.5
print(mask.dtype, mask.sum())

selected = data[mask]
print(selected.shape, round(float(selected.min()), 3) >= 1.5)

idx = np.nonzero(mask)[0]
print(idx[:3], idx.dtype)

clipped = np.where(data > 2, 2.0, data)
print(round(float(clipped.max()), 3))

rows, = np.where((data > 0) & (data < 0.001))
print(len(rows))

data[~mask] = 0
print(np.count_nonzero(data))
del mask, selected, idx, clipped
print(data.nbytes)
del data
