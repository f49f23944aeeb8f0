# Counting labels with np.unique: how much does return_counts/return_inverse cost on top of the data?
import numpy as np

def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

rng = np.random.default_rng(42)
labels = rng.integers(0, 500, size=1_000_000)
print(f"labels: {labels.nbytes / 1e6:.1f} MB, rss {rss_mb():.1f} MB")
values, counts = np.unique(labels, return_counts=True)
print("distinct:", len(values), "most common:", values[counts.argmax()], counts.max())
values, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
print("inverse:", inverse.dtype, inverse.nbytes // 1_000_000, "MB", first[:5])
del inverse
order = np.lexsort((np.arange(len(labels)), labels))
print(order[:5], f"rss {rss_mb():.1f} MB")
del labels, order
print(f"after del: rss {rss_mb():.1f} MB")
