import numpy as np

data = np.random.default_rng(42).random((3000, 1000))
print(data.dtype, data.nbytes / 2**20, "MiB")
small = data.astype(np.float32)
print(small.dtype, small.nbytes / 2**20, "MiB")
del data
print(float(small.mean()))
halfsum = small[:, :500].sum()
print(round(float(halfsum), 1))
