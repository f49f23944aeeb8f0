import ctypes
import ctypes.util

libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
libc.free.restype = None
libc.malloc_trim.argtypes = [ctypes.c_size_t]

buffers = [ctypes.create_string_buffer(4096) for _ in range(2000)]
print(sum(ctypes.sizeof(b) for b in buffers))
blocks = [libc.malloc(64 * 1024) for _ in range(50)]
print(len(blocks), all(blocks))
for p in blocks:
    libc.free(p)
del buffers
counters = [ctypes.c_long(i) for i in range(20000)]
print(sum(c.value for c in counters))
del counters
print(libc.malloc_trim(0) in (0, 1))
