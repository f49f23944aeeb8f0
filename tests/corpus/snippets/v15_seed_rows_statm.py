import os

def rss_kb():
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * 4


rows = [list(range(60)) for _ in range(150000)]
print(rss_kb() > 0)
del rows[::3]
print(len(rows))
keep = rows[-1000:]
del rows
print(len(keep), rss_kb() > 0)
rows = [[0] * 60 for _ in range(50000)]
del rows, keep
print(rss_kb() > 0)
