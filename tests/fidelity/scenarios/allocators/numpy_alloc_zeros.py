# title: NumPy zeros and ones under each allocator
#
# Issue 9's NumPy case (Debian's python3 3.11.2 with NumPy 1.24.2). A hundred
# thousand np.zeros(100) (800-byte buffers), then a thousand np.zeros(100000)
# (800,000-byte buffers, calloc'd: untouched pages cost nothing where calloc
# gets fresh zero pages; glibc hands them from the heap once an earlier free
# raised its mmap threshold, mimalloc 2.0.9 clears them and so touches every
# page), then a thousand np.ones(100000), which writes every page anyway.
import numpy as np

a = [np.zeros(100) for _ in range(100000)]
del a
b = [np.zeros(100000) for _ in range(1000)]
del b
c = [np.ones(100000) for _ in range(1000)]
del c
