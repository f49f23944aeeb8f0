# title: A dict of a million ints
#
# {i: i for i in range(1000000)} resizes its hash table as it grows; the
# final table (2**21 slots: index array plus entries) is about 41 MB, one
# glibc mapping, and every earlier table was a mapping too once it passed
# the threshold, so each resize is an mmap followed by a munmap. Deleting the
# dict unmaps the table at once. The ints are in pymalloc.
d = {i: i for i in range(1000000)}
v = d.get(500000)
del d
