import numpy as np

x = np.linspace(-5.0, 5.0, 1_000_000)
y = np.where(x > 0, x, 0.0)
print(y.sum().round(3))

clipped = np.clip(x, -1.0, 1.0)
print(clipped.min(), clipped.max())

np.clip(x, -2.0, 2.0, out=x)
print(x.min(), x.max())

buf = np.empty_like(x)
np.multiply(x, 3.0, out=buf)
np.add(buf, 1.0, out=buf)
np.sqrt(np.abs(buf, out=buf), out=buf)
print(buf[:3].round(4))

idx = np.where(buf > 2.5)[0]
print(idx.size, idx[:3])
mask = (x > 0) & (buf < 2)
x[mask] = -x[mask]
print(np.count_nonzero(mask), x.sum().round(3))
del y, clipped, idx, mask
print(buf.dtype, buf.shape)
