import numpy as np

result = np.empty(0)
for i in range(200):
    chunk = np.arange(i * 1000, (i + 1) * 1000, dtype=np.float64)
    result = np.concatenate([result, chunk])
print(result.shape, result[-1])

pre = np.empty(200 * 1000)
for i in range(200):
    pre[i * 1000:(i + 1) * 1000] = np.arange(i * 1000, (i + 1) * 1000)
print(np.array_equal(pre, result))

parts = [np.full(5000, i, dtype=np.int32) for i in range(100)]
joined = np.concatenate(parts)
print(joined.nbytes, joined.dtype)
del parts

stacked = np.vstack([joined[:250000], joined[250000:]])
print(stacked.shape)
del result, pre, joined
print(stacked.sum())
del stacked
