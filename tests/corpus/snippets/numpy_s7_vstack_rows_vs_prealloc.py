import numpy as np

rows = []
for i in range(2000):
    rows.append(np.full(500, i, dtype=np.float64))
stacked = np.vstack(rows)
print(stacked.shape, stacked.dtype, stacked[1999, 0])
del rows

out = np.empty((2000, 500), dtype=np.float64)
for i in range(2000):
    out[i] = i
print(np.array_equal(out, stacked))

acc = np.empty((0, 500))
for i in range(200):
    acc = np.concatenate([acc, np.zeros((1, 500))])
print(acc.shape, acc.nbytes)
col_sums = stacked.sum(axis=0)
print(col_sums.shape, col_sums[0])
del stacked, out, acc
