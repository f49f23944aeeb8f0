import ctypes
import ctypes.util

libc = ctypes.CDLL(ctypes.util.find_library("c"))

data = [{"id": i, "text": "t" * 600} for i in range(300000)]
del data
print("trim returned", libc.malloc_trim(0))
