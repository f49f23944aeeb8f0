import os


def rss_mb():
    with open(f"/proc/{os.getpid()}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024


print(f"start: {rss_mb():.1f} MB")
big = [[0] * 100 for _ in range(500000)]
print(f"after alloc: {rss_mb():.1f} MB")
del big
print(f"after del: {rss_mb():.1f} MB")  # why is this still high??
