# title: One survivor near the top pins the heap
#
# The seed's second snippet gives all its heap back, because every chunk in it
# dies. Keep every 1000th of the big lists instead and the last survivor (list
# 9000) sits about nine tenths of the way up the heap: the memory above it
# merges into the top chunk and is trimmed, but everything below it stays, in
# big free chunks that are not adjacent to top. The heap shrinks from 765 MiB
# only to 688 MiB, and RSS with it. Only when the survivors die too does the
# heap go back to its start.
a = [[0] * 10000 for _ in range(10000)]
keep = a[::1000]
del a
del keep
