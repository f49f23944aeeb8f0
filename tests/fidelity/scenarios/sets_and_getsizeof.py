# title: A set of a million ints and what getsizeof says
#
# set(range(1000000)) builds a hash table of 2**21 entries of 16 bytes:
# 32 MiB + 16 bytes, just over glibc's 32 MiB upper limit for the dynamic
# threshold, so freeing it does not raise the mmap threshold (a dict or
# list of that size would). sys.getsizeof reports the table but not the
# ints it refers to.
import sys
s = set(range(1000000))
size = sys.getsizeof(s)
del s
