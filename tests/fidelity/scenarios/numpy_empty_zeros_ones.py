# title: np.empty vs np.zeros vs np.ones
#
# All three reserve 80 MB of address space with one mmap. np.empty writes
# nothing, so RSS barely moves. np.zeros uses calloc, and glibc knows a fresh
# mapping is already zero, so it writes nothing either: RSS still barely
# moves. np.ones must write a 1.0 into every element, so all 80 MB become
# resident. Writing into half of the zeros array makes that half resident.
import numpy as np
e = np.empty(10 ** 7)
z = np.zeros(10 ** 7)
o = np.ones(10 ** 7)
z[:5000000] = 1.0
del e
del z
del o
