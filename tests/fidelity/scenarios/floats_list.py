# title: A million floats and the float free list
#
# Every float is a 24-byte object in a 32-byte pymalloc block. Building a
# million of them takes about 32 MB of arenas and an 8 MB mmapped pointer
# array. When they die, 100 of them go to the float free list (kept for
# reuse, invisible to pymalloc's counts as free) and the rest go back to
# their pools; empty arenas are unmapped. A full gc.collect() empties the
# free lists too.
xs = [float(i) for i in range(1000000)]
total = sum(xs)
del xs
import gc
gc.collect()
