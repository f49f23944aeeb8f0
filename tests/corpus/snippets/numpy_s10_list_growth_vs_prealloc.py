import numpy as np

values = []
for i in range(200000):
    values.append(i * 0.5)
arr = np.array(values)
print(arr.size, arr.dtype, arr.nbytes)
del values

pre = np.empty(200000, dtype=np.float64)
for i in range(0, 200000, 1000):
    pre[i:i + 1000] = np.arange(i, i + 1000) * 0.5
print(np.array_equal(arr, pre))

ints = np.arange(1_000_000, dtype=np.int64)
small = ints.astype(np.int32)
print(ints.nbytes, small.nbytes, small.itemsize)
evens = ints[::2]
print(evens.base is ints, evens.size)
copy = evens.copy()
del ints
print(copy[-1], evens[-1])
stacked = np.stack([pre, arr])
print(stacked.shape, stacked.nbytes)
del pre, arr, stacked, small
