# title: Nested lists of mixed sizes
#
# Inner lists of 10, 100 and 1000 items ask for 80-byte (pymalloc), 800-byte
# (glibc, tcache-sized) and 8000-byte (glibc, bin-sized) item arrays. The
# 8,000-byte arrays were made last, so they sit at the top of the heap:
# deleting c merges them into the top chunk and glibc trims the heap back
# down. The 800-byte arrays of b behave like the seed's first snippet: the
# last 7 freed stay in tcache, which counts as in use, at the top of their
# run, and the 16 MB below them remain on the heap as free chunks (fordblks)
# after del b. a's 80-byte arrays never left pymalloc, so del a gives back
# arenas, not heap.
a = [[0] * 10 for _ in range(20000)]
b = [[0] * 100 for _ in range(20000)]
c = [[0] * 1000 for _ in range(20000)]
del c
del b
del a
