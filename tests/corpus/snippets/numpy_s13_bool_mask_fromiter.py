import numpy as np

readings = np.fromiter((i * 0.37 % 100 for i in range(1_000_000)), dtype=np.float64, count=1_000_000)
print("readings:", readings.shape, round(float(readings.mean()), 2))
mask = readings > 90
print("mask bytes:", mask.nbytes, int(mask.sum()))
high = readings[mask]
print("copy:", high.base is None, high.size)
readings[~mask] = 0.0
print("zeroed:", int((readings == 0).sum()))
del mask
idx = np.flatnonzero(readings)
print("idx:", idx.size, idx.dtype)
squares = np.fromiter((x * x for x in range(200000)), dtype=np.int64)
print("squares:", squares[-1])
del high, idx
del readings, squares
