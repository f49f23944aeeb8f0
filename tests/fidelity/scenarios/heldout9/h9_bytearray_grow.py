# title: A bytearray grown by += until it is 20 MB
#
# Held-out (issue 9): a buffer grown 4 KiB at a time (bytearray_resize:
# realloc with over-allocation), then truncated and freed.
buf = bytearray()
for _ in range(5000):
    buf += b"a" * 4096
del buf[1000:]
del buf
