# title: stacking arrays: concatenate, stack, vstack, hstack
#
# Every stacking function allocates one new array big enough for all its
# inputs and copies them in; the inputs stay. Stacking a Python list of
# many small arrays (a common way to build a matrix row by row) holds both
# the list of arrays and the result until the list is deleted.
import numpy as np
rows = [np.arange(1000, dtype=np.float64) for _ in range(5000)]
m = np.vstack(rows)
s = np.stack(rows[:100])
h = np.hstack(rows[:100])
c = np.concatenate(rows)
del rows
del m, s, h, c
