import numpy as np

a = np.arange(3_000_000, dtype=np.int64)
print(a.nbytes // 2**20, a.dtype)
b = a.astype(np.int16)
print(b.nbytes // 2**20, b[40000], b.dtype)
same = a.astype(np.int64, copy=False)
print(same is a)
c = a.astype(np.float32)
print(c.itemsize, c[-1])
d = c.astype(np.float64, copy=False)
print(d is c, d.dtype)
del a
e = b.astype(np.int16, copy=False)
print(e is b, b.min(), b.max())
f = (b > 0).astype(np.uint8)
print(f.sum(), f.nbytes)
del b, c, d, e, f, same
