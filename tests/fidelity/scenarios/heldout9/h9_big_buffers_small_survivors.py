# title: Big buffers freed around small survivors
#
# Held-out (issue 9): 120 buffers of 300 KB (past the mmap threshold at
# first) interleaved with small bytes objects; the big ones go, the small
# ones stay, then a second round of 150 KB buffers.
big = []
small = []
for i in range(120):
    big.append(bytearray(300000))
    small.append(bytes(200 + i))
del big
again = [bytearray(150000) for _ in range(120)]
del again
del small
