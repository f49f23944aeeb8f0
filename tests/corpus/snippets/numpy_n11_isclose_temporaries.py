import numpy as np

# comparing two big float arrays: does np.allclose copy them?
n = 2_000_000
expected = np.linspace(0.0, 1.0, n)
computed = expected + 1e-12
print("allclose:", np.allclose(expected, computed))
mask = np.isclose(expected, computed, rtol=1e-9)
print(mask.dtype, mask.nbytes, int(mask.sum()))
computed[::1000] = np.nan
print("with nans:", np.isclose(expected, computed).sum(), np.array_equal(expected, computed))
idx = np.where(expected > 0.999999)
print(len(idx), idx[0][:3])
print("median", np.median(expected), "p90", np.percentile(expected, 90))
labels = expected[:100000].astype(str)
print(labels.dtype, labels.nbytes // 2**20, labels[:2])
del labels, mask
print(np.allclose(expected[:10], computed[1:11] - 1e-12 * 0))
