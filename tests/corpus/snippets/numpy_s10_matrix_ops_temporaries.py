import numpy as np

rng = np.random.default_rng(1)
a = rng.random((800, 800))
b = rng.random((800, 800))
c = a @ b
print(c.shape, round(float(c.trace()), 3))
d = (a + b) * 2 - a / 3
print(d.dtype, round(float(d.sum()), 2))
np.multiply(a, 2, out=a)
a += b
print(round(float(a.max()), 4))
del c, d
t = a.T.copy()
print(t.flags["C_CONTIGUOUS"], a.T.flags["C_CONTIGUOUS"])
rowsum = a.sum(axis=1)
colmean = b.mean(axis=0)
print(rowsum.shape, colmean.shape, round(float(colmean[0]), 4))
normalized = (a - a.mean(axis=0)) / a.std(axis=0)
print(round(float(normalized.std()), 3))
del a, b, t, normalized
