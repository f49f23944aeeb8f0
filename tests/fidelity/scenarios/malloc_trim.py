# title: malloc_trim gives the pages back, not the heap
#
# After the seed's first snippet the heap holds about 780 MB of free chunks
# that free() will never return. malloc_trim(0) walks glibc's bins and
# madvise(MADV_DONTNEED)s every whole free page inside them, then trims the
# top. RSS falls back to the start, but the [heap] mapping keeps its size:
# the free chunks are still there, and touching them again faults in fresh
# zero pages. (Importing ctypes costs nothing here: the recorder already has
# it loaded.)
a = [[0] * 100 for _ in range(1000000)]
del a
import ctypes
r = ctypes.CDLL("libc.so.6").malloc_trim(0)
