import numpy as np

a = np.arange(1_000_000, dtype=np.int64)
f = a.astype(np.float32)
same = a.astype(np.int64, copy=False)
print(f.dtype, f.nbytes, same is a, a.astype(np.int64) is a)

a *= 3
a += 1
b = a * 3 + 1
print(a[:3], b[:3], a.dtype)

c = np.fromiter((i * i for i in range(500_000)), dtype=np.int64, count=500_000)
print(c[-1], c.nbytes)
d = np.fromiter(map(float, range(300_000)), dtype=float)
print(d.sum())

np.sqrt(d, out=d)
f /= 2
print(d[4], f[10])
small = a.astype(np.int16)
print(small.max(), small.dtype)
del b, f
del c, d
del a, small
