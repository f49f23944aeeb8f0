# title: Ten million small lists: an 8 GB heap
#
# The seed's first snippet at 10,000,000 lists (issue 10): about 8 GB of brk
# heap and 8.5 GB resident, far above 2^32. Same pins as the seed: after
# `del a` the heap keeps its size and RSS stays near the peak.
a = [[0] * 100 for _ in range(10000000)]
del a
