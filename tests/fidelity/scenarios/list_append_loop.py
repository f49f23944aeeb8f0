# title: Appending in a loop: realloc, then mremap
#
# A list grows by over-allocating about 12.5% at a time. Its item array starts
# in pymalloc, moves to a glibc heap chunk at 608 bytes, and once a resize is
# above the mmap threshold glibc moves it into its own mapping and from then
# on grows it with mremap, never touching the heap again. Deleting the second
# half shrinks the array (mremap again), but first list_ass_slice copies the
# 500,000 doomed references into a temporary 4 MB buffer, an mmapped chunk
# whose free raises the mmap threshold to 4 MB. So a.copy(), 4 MB, is carved
# from the brk heap, and after del b those 4 MB stay in the top chunk: the
# trim threshold is now 8 MB.
a = []
for i in range(1000000):
    a.append(i)
x = a.pop()
del a[500000:]
b = a.copy()
a.clear()
del b
