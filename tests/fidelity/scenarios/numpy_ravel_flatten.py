# title: ravel gives a view, flatten always copies
#
# For a C-contiguous 2-D array ravel() is just a new 96-byte array object
# looking at the same 40 MB; flatten() allocates a fresh 40 MB buffer and
# copies into it. Once the array is transposed its memory is no longer in C
# order, so ravel() has to copy as well. A view keeps its base alive: deleting
# m frees nothing while r still looks into it.
import numpy as np
m = np.arange(5_000_000, dtype=np.float64).reshape(1000, 5000)
r = m.ravel()
f = m.flatten()
t = m.T.ravel()
del m
del r
del f, t
