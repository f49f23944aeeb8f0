# title: Ten thousand big lists: the heap goes back
#
# The seed's second snippet. Each [0] * 10000 is an 80,000-byte buffer: still
# below the mmap threshold, so the brk heap grows to about 800 MB just like
# the first snippet. But these chunks are too big for tcache and fastbins, so
# every free coalesces at once; only 10,000 list headers are needed, so
# pymalloc never grows its arenas[] vector in the middle of the heap. When the
# outer list's buffer is freed last, the whole run merges into the top chunk
# and glibc gives it back with one negative sbrk: heap and RSS return to
# where they started.
a = [[0] * 10000 for _ in range(10000)]
del a
