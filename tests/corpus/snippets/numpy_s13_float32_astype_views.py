import numpy as np

data = np.random.default_rng(13).random((2000, 1000))
print("float64 MB:", data.nbytes // 2**20)
small = data.astype(np.float32)
print("float32 MB:", small.nbytes // 2**20, small.dtype)
corner = data[:10, :10]
print("view base is data:", corner.base is data)
del data
print("corner mean:", round(float(corner.mean()), 4))
corner = corner.copy()
print("copied, base:", corner.base is None)
same = small.astype(np.float32, copy=False)
print("no copy:", same is small)
del same, small
del corner
