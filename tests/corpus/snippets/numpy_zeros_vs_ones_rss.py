import numpy as np

def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

z = np.zeros((4000, 4000))
print("zeros:", round(rss_mb()))
o = np.ones((4000, 4000))
print("ones:", round(rss_mb()))
z[::100] = 1.0
print("after writing every 100th row:", round(rss_mb()))
del z, o
print("after del:", round(rss_mb()))
