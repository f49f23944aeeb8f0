# title: A hundred thousand tiny arrays
#
# np.zeros(10) is three allocations: the 96-byte array object (pymalloc), a
# 16-byte dims/strides block and 80 bytes of data (both glibc malloc, through
# NumPy's small caches). So a hundred thousand tiny arrays put 200,000 small
# chunks (32 and 96 bytes) on the brk heap. On delete, NumPy keeps up to 7
# blocks of each size in its own caches, glibc's tcache takes 7 of each chunk
# size, and all the rest go to fastbins: almost 200,000 chunks that never
# coalesce on their own (only a large malloc, a free that merges to 64 KiB or
# more, malloc_trim or mallopt consolidates them). So fordblks reports 12 MB
# free while the heap keeps its size.
import numpy as np
arrs = [np.zeros(10) for _ in range(100000)]
total = sum(len(x) for x in arrs)
del arrs
