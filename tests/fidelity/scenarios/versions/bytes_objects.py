# title: bytes and bytearray, small and large
#
# Issue 8's bytes case. bytes(1000) asks calloc for 1,033 bytes: over
# pymalloc's 512, so each one is a glibc chunk on the brk heap. Joining
# 100,000 of them makes one 100 MB bytes, mmapped. bytearray(50_000_000)
# allocates its buffer (mmapped) and zero-fills it with memset, so all of it
# is resident at once.
chunks = [bytes(1000) for _ in range(100000)]
blob = b"".join(chunks)
ba = bytearray(50000000)
del chunks
del blob
del ba
