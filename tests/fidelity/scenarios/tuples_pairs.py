# title: Half a million pairs
#
# Each (i, i + 1) is a tuple of 2: 16 bytes of GC header, 24 of tuple header
# and 16 of items, a 56-byte request in a 64-byte pymalloc block, plus the
# ints. The tuple free list keeps up to 2000 tuples of each small size once
# they die; the rest go back to pymalloc and empty arenas are unmapped.
t = [(i, i + 1) for i in range(500000)]
first, second = t[0]
del t
