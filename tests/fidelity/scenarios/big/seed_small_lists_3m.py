# title: Three million small lists: the heap passes 2 GiB
#
# The seed's first snippet at 3,000,000 lists (issue 10). The 800-byte item
# buffers fill about 2.4 GB of brk heap, so every address and byte offset in
# the heap is above 2^31: the kernel model's RSS must stay exact there. The
# story is the seed's: `del a` frees everything, but the tcache'd chunks at the
# top and pymalloc's arenas[] vector in the middle pin the heap at its peak.
a = [[0] * 100 for _ in range(3000000)]
del a
