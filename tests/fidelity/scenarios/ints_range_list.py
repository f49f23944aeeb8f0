# title: A million ints live in pymalloc arenas
#
# list(range(1000000)) makes a million int objects of 28 bytes (32-byte
# pymalloc blocks, 510 to a 16 KiB pool) and one 8 MB pointer array, which
# glibc mmaps because it is above the mmap threshold. Nothing grows the brk
# heap. Deleting the list unmaps the array at once and empties the pools; an
# arena whose 63 or 64 pools are all empty is unmapped too (pymalloc keeps
# one spare), so RSS drops back close to the start. Freeing the 8 MB mmapped
# chunk also raises glibc's mmap threshold to its size.
a = list(range(1000000))
n = len(a)
del a
