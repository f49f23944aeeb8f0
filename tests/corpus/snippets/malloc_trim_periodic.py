import ctypes
import gc

libc = ctypes.CDLL("libc.so.6")


def handle_request(i):
    rows = [("r%d" % j) * 30 for j in range(20000)]
    return len(rows)


for i in range(20):
    handle_request(i)
    if i % 5 == 4:
        gc.collect()
        libc.malloc_trim(0)

print("done")
