# title: A 100 MB bytearray is a mapping of its own
#
# bytearray(10**8) asks for 100,000,001 bytes, far above the mmap threshold,
# so glibc gives it a private mapping; the bytes are zeroed with memset, so
# all 24,415 pages are touched and RSS rises by 100 MB. Deleting it unmaps
# it at once. Being over 32 MiB, its free does not move the dynamic mmap
# threshold.
b = bytearray(10 ** 8)
b[0] = 1
del b
