import os


def rss_mib():
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


print(f"start {rss_mib():.1f} MiB")
a = [[0] * 10000 for _ in range(10000)]
print(f"built {rss_mib():.1f} MiB")
del a
print(f"after del {rss_mib():.1f} MiB")
b = [[0] * 10 for _ in range(100000)]
print(f"small lists {rss_mib():.1f} MiB")
del b
print(f"end {rss_mib():.1f} MiB")
