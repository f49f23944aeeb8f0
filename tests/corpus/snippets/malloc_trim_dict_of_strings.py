import ctypes
import gc


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])


libc = ctypes.CDLL("libc.so.6")
index = {f"doc{i}": f"body of document {i} " * 8 for i in range(200000)}
keep = index["doc199999"]
print("built", rss_kb())
del index
gc.collect()
print("after del", rss_kb())
libc.malloc_trim(0)
print("after trim", rss_kb(), len(keep))
