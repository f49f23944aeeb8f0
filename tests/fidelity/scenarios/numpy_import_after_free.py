# title: import numpy into memory the script already freed
#
# Five thousand 1 KB bytes objects fill about 5 MB of the brk heap, and a
# small bytearray allocated after them pins the heap's top, so `del blobs`
# gives the memory back to malloc but not to the kernel: RSS stays. When
# NumPy is imported next, most of its 4 MB of heap allocations land in those
# free, already-resident chunks, so the import adds about 4 MB less RSS than
# it does in a fresh process. What it adds anyway is the shared libraries'
# pages and pymalloc's new arenas.
blobs = [bytes(1000) for _ in range(5000)]
keep = bytearray(1000)
del blobs
import numpy as np
a = np.zeros(10)
