# title: One survivor per pymalloc arena: no allocator can help
#
# Issue 9's survivor case. A million lists of 10 ints: each is a 56-byte list
# object (64-byte pymalloc block) and an 80-byte item array (pymalloc too),
# about 144 arenas. Keeping every 1000th list leaves a live block in almost
# every pool, so pymalloc, which only unmaps whole empty arenas, keeps them
# all, whichever C allocator sits below (the arenas are its own mmaps). Only
# with PYTHONMALLOC=malloc does the C allocator see the objects themselves.
import time

a = [[0] * 10 for _ in range(1000000)]
keep = a[::1000]
del a
time.sleep(12)
b = [[0] * 10 for _ in range(2000)]
del keep
del b
