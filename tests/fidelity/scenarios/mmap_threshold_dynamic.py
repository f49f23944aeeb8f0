# title: The dynamic mmap threshold
#
# A 1 MB bytearray starts life in its own mapping (above the initial
# 128 KiB threshold). Freeing it tells glibc that blocks this big come and
# go, so it raises the mmap threshold to that chunk's size (1,003,520 bytes)
# and the trim threshold to twice that. The twenty 500 KB bytearrays made
# afterwards are therefore carved from the brk heap instead of getting their
# own mappings: hblks stays put and the [heap] grows by 10 MB. Freed, they
# merge into the top chunk, which is trimmed once it exceeds the new, larger
# trim threshold.
b = bytearray(1000000)
del b
small = [bytearray(500000) for _ in range(20)]
del small
