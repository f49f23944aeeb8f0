def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])


start = rss_kb()
a = [[0] * 100 for _ in range(200000)]
print("built", rss_kb() - start)
del a
print("after del", rss_kb() - start)
b = [str(i) * 3 for i in range(300000)]
print("strings", rss_kb() - start)
b = b[::3]
print("sliced", rss_kb() - start)
d = {i: [i] for i in range(100000)}
print("dict", rss_kb() - start)
del b, d
print("end", rss_kb() - start)
