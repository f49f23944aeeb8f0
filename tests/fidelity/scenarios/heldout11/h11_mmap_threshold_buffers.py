# title: Medium buffers around glibc's mmap threshold, freed and made again
#
# Held-out (issue 9): what people look at when they set MALLOC_MMAP_THRESHOLD_:
# 300 KB bytes objects (above the 128 KiB default threshold) are made and
# dropped, which moves glibc's dynamic threshold, then the same sizes are
# made again and some kept.
blobs = [bytes(300_000) for _ in range(40)]
del blobs
again = [bytearray(300_000) for _ in range(40)]
keep = again[::8]
del again
small = [b"k" * 200 for _ in range(20000)]
del keep
del small
