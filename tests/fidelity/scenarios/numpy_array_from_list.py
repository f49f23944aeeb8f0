# title: np.array from a big list
#
# A list of a million Python floats costs 8 MB of pointers plus 24 MB of float
# objects in pymalloc's arenas. np.array(xs) copies the values into one 8 MB
# buffer (an mmap of its own, above the threshold), so for a while the same
# numbers exist twice. Deleting the list gives the arenas back to the kernel
# (they empty completely); the array's 8 MB stay until it goes too.
xs = [i * 0.5 for i in range(1000000)]
import numpy as np
a = np.array(xs)
del xs
b = np.array([[1, 2, 3], [4, 5, 6]] * 1000)
del a
del b
