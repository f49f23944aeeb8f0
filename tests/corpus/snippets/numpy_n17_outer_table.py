# A big table from ufunc.outer: the result is len(a) * len(b) elements, the inputs stay small.
import numpy as np

x = np.linspace(0.0, 1.0, 3000)
y = np.arange(2000, dtype=np.float64)
table = np.multiply.outer(x, y)
print(table.shape, table.nbytes)
diff = np.subtract.outer(y, y)
print(diff.shape, diff[1, 0])
del diff
cum = np.add.accumulate(table, axis=1)
print(cum[-1, -1] == table[-1].sum())
del table
print(cum.dtype)
