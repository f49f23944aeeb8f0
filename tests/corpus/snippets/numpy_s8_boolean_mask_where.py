import numpy as np

temps = np.arange(5_000_000, dtype=np.float64) % 50 - 10
mask = temps > 25
print(mask.dtype, mask.nbytes, int(mask.sum()))
hot = temps[mask]
print(hot.shape, hot.base is None, np.shares_memory(hot, temps))
clipped = np.where(temps < 0, 0.0, temps)
print(clipped.min(), clipped.max(), clipped.nbytes // 1_000_000)
temps[temps < 0] = 0
print(temps.min(), np.count_nonzero(temps == 0))
both = (temps > 5) & (temps < 10)
print(both.sum(), both.any(), both.all())
del hot, clipped, mask, both
idx = np.nonzero(temps > 38)[0]
print(idx.dtype, len(idx), idx[:3])
del idx
print(temps.sum())
