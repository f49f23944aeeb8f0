# np.histogram on a few million samples: the data, its float copy, and the small result.
import numpy as np

rng = np.random.default_rng(7)
samples = rng.normal(loc=10.0, scale=2.0, size=2_000_000)
counts, edges = np.histogram(samples, bins=50)
print(counts.sum(), edges[0].round(3), edges[-1].round(3), counts.argmax())
ints = (samples * 10).astype(np.int64)
hist, bin_edges = np.histogram(ints, bins=[0, 50, 100, 150, 200])
print(hist, bin_edges.dtype)
dens, _ = np.histogram(samples, bins=20, range=(4, 16), density=True)
print(dens.round(4)[:5])
del samples, ints
print(len(counts), counts.dtype)
