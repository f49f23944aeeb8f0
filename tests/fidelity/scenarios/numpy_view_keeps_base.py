# title: A view keeps its base alive
#
# a[::2] is a view: a new 96-byte array object that points into a's data and
# holds a reference to a. Deleting the name a frees nothing; the 80 MB stay
# mapped until the view goes too. A .copy() of the view, by contrast, owns
# a fresh 40 MB buffer and lets the original go.
import numpy as np
a = np.arange(10 ** 7)
v = a[::2]
del a
c = v.copy()
del v
del c
