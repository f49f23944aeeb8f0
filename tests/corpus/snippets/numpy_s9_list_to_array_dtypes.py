import numpy as np

rows = [[i, i * 0.5, i % 7] for i in range(300000)]
arr = np.array(rows)
print(arr.shape, arr.dtype, arr.nbytes)
del rows
ints = arr[:, 2].astype(np.int8)
print(ints.dtype, ints.nbytes, np.bincount(ints))
small = arr.astype(np.float32)
print(small.nbytes, float(small[:, 1].sum()))
labels = np.array([f"id{i}" for i in range(100000)])
print(labels.dtype, labels.itemsize, labels[:2])
back = arr[:5].tolist()
print(back[1], type(back[1][0]).__name__)
del arr
col = np.fromiter((x * x for x in range(200000)), dtype=np.int64, count=200000)
print(col[-1], col.mean())
zeros = np.zeros_like(col)
print(zeros.sum(), np.array_equal(zeros, np.zeros(200000, dtype=np.int64)))
