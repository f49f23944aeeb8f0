# title: Build a big list of strings, delete it, call malloc_trim
#
# Held-out (issue 9): the Stack Overflow answer for "RSS stays high after del":
# ctypes.CDLL("libc.so.6").malloc_trim(0). Under a preloaded allocator the
# call still goes to glibc's own (mostly unused) heap.
import ctypes

data = [str(i) * 8 for i in range(400000)]
keep = data[::1000]
del data
libc = ctypes.CDLL("libc.so.6")
trimmed = libc.malloc_trim(0)
