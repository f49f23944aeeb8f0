import ctypes
import ctypes.util


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])


libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.malloc_trim.argtypes = [ctypes.c_size_t]
libc.malloc_trim.restype = ctypes.c_int

start = rss_kb()
index = {f"user:{i}": {"name": f"n{i}", "visits": [i] * 5} for i in range(150000)}
loaded = rss_kb()
print("loaded MB:", (loaded - start) // 1024 > 30)
keep = {k: v for k, v in index.items() if k.endswith("7")}
del index
freed = rss_kb()
print("after del MB:", (freed - start) // 1024, len(keep))
released = libc.malloc_trim(0)
trimmed = rss_kb()
print("malloc_trim returned:", released, "trimmed less:", trimmed <= freed)
buf = ctypes.create_string_buffer(1_000_000)
print(ctypes.sizeof(buf), len(buf.raw))
del keep, buf
print(libc.malloc_trim(0) in (0, 1))
