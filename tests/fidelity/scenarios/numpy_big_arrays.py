# title: Big arrays are mappings of their own
#
# np.ones(10**7) is 80 MB: glibc mmaps it and NumPy fills it with ones, so
# every page becomes resident. a * 2 makes a second 80 MB mapping. Deleting
# an array unmaps its data at once and RSS drops by 80 MB; being over
# 32 MiB, these frees do not move the mmap threshold.
import numpy as np
a = np.ones(10 ** 7)
b = a * 2
del a
del b
