import numpy as np

rng = np.random.default_rng(42)
temps = rng.normal(20.0, 8.0, size=2_000_000)
print(temps.shape, temps.dtype, temps.nbytes)
mask = temps > 30.0
print(mask.dtype, int(mask.sum()))
hot = temps[mask]
print(hot.size, round(float(hot.mean()), 3))
clipped = np.where(temps < 0.0, 0.0, temps)
print(round(float(clipped.min()), 3), clipped.base is None)
temps[~mask] = np.nan
print(int(np.isnan(temps).sum()))
idx = np.nonzero(mask)[0]
print(idx[:3], idx.dtype)
del clipped, hot
del temps, mask
print(len(idx))
