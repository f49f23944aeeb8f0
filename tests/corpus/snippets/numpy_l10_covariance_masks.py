import numpy as np
rng = np.random.default_rng(0)
data = rng.normal(size=(2000, 500))
print(data.shape, data.dtype, round(float(data.mean()), 4))
col_means = data.mean(axis=0)
centered = data - col_means
cov = centered.T @ centered / (data.shape[0] - 1)
print(cov.shape, round(float(cov[0, 0]), 2))
mask = data > 2.0
print(int(mask.sum()), data[mask].shape)
top = np.argsort(data[:, 0])[-5:]
print(top.tolist())
chunks = [data[i:i + 100].copy() for i in range(0, 2000, 100)]
stacked = np.vstack(chunks)
print(np.array_equal(stacked, data))
del chunks, stacked, centered
f32 = data.astype(np.float32)
print(f32.nbytes, data.nbytes)
s = np.cumsum(f32, axis=1)
print(s.shape, s.dtype)
idx = np.where(data[:, 1] > 0)[0]
print(len(idx) > 900)
