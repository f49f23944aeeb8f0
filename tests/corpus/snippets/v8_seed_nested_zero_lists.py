def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])

print("start", rss_kb())
a = [[0] * 100 for _ in range(100000)]
print("after build", rss_kb())
del a
print("after del", rss_kb())
b = [[1, 2, 3] for _ in range(200000)]
print("small lists", rss_kb(), len(b))
