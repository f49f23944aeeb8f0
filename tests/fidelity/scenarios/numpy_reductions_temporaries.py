# title: reductions and their temporaries
#
# sum() and mean() of a 10-million-element array allocate almost nothing:
# the result is one NumPy scalar. std() is different: NumPy computes
# arr - arr.mean() into a full-size temporary (80 MB), squares it in place
# and sums it, so for a moment the process needs twice the array's memory;
# the temporary is freed before std() returns, but glibc's heap or the
# kernel's mapping count shows where it went. cumsum() returns a new array
# of the same size.
import numpy as np
a = np.arange(10_000_000, dtype=np.float64)
s = a.sum()
m = a.mean()
sd = a.std()
c = a.cumsum()
mx = a.reshape(1000, 10000).max(axis=1)
del c
del a
