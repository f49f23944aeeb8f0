import numpy as np

rng = np.random.default_rng(42)
data = rng.normal(size=(2000, 500))
means = data.mean(axis=0)
centered = data - means
cov = centered.T @ centered / (len(data) - 1)
print(cov.shape, round(float(cov[0, 0]), 3))
top = np.argsort(np.abs(cov).sum(axis=1))[-5:]
print(top.dtype, len(top))
mask = np.abs(centered) > 2.5
print(int(mask.sum()))
clipped = np.clip(centered, -2.5, 2.5)
del data, centered
z = (clipped - clipped.mean()) / clipped.std()
print(z.dtype, z.nbytes // 1024)
del z, clipped, cov
