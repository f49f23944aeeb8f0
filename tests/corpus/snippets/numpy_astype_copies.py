import numpy as np

a = np.arange(10_000_000, dtype=np.int64)
b = a.astype(np.float32)
c = a.reshape(1000, 10000).T.copy()
print(a.nbytes // 2**20, b.nbytes // 2**20, c.nbytes // 2**20)
del a, c
b = b[::2]
print(b.flags["OWNDATA"], b.base.nbytes)
