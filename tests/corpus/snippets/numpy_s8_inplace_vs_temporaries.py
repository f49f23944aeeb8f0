import numpy as np

a = np.ones(4_000_000)
b = a * 2 + 1
print(b[:3], b.nbytes)
np.multiply(a, 2, out=a)
a += 1
print(np.array_equal(a, b), a is not b)
flat = b.reshape(2000, 2000)
print(flat.base is b, np.shares_memory(flat, b))
r = flat.ravel()
f = flat.flatten()
print(np.shares_memory(r, b), np.shares_memory(f, b), f.nbytes)
t = flat.T
c = np.ascontiguousarray(t)
print(t.flags["C_CONTIGUOUS"], c.flags["C_CONTIGUOUS"], np.shares_memory(t, b))
del b, r, f, t, c
print(flat.base is not None, flat.shape)
del flat
x = np.zeros((1000, 1000), dtype=np.float32)
x[::2] = 1.5
y = x.astype(np.float64)
print(x.nbytes, y.nbytes, float(y.sum()))
del a, x, y
