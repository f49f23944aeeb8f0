import numpy as np

# PCA by hand: the covariance of 8,000 samples of 300 features, then its eigendecomposition
rng = np.random.default_rng(7)
X = rng.standard_normal((8_000, 300))
X -= X.mean(axis=0)
cov = X.T @ X / (X.shape[0] - 1)
print(cov.shape, cov.nbytes)
del X
vals = np.linalg.eigvalsh(cov)
print(vals.shape, vals.dtype, round(float(vals[-1]), 3) > 0)
w, v = np.linalg.eigh(cov)
print(w.shape, v.shape, v.nbytes)
top = v[:, -10:]
print(top.shape, top.base is v)
del v
for k in range(5):
    w, vecs = np.linalg.eigh(cov[:200, :200])
print(w.shape, vecs.shape)
del cov, top, vecs
print('done')
