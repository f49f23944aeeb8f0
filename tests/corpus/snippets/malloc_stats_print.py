import ctypes

libc = ctypes.CDLL("libc.so.6")
blocks = [bytearray(2048) for _ in range(50000)]
del blocks[::2]
libc.malloc_stats()
del blocks
libc.malloc_trim(0)
libc.malloc_stats()
