# Counting with np.add.at: repeated indices accumulate (h[idx] += 1 would count each bin once).
import numpy as np

rng = np.random.default_rng(3)
labels = rng.integers(0, 1000, size=2_000_000)
counts = np.zeros(1000, dtype=np.int64)
np.add.at(counts, labels, 1)
print(counts.sum(), counts.max() >= counts.min())
naive = np.zeros(1000, dtype=np.int64)
naive[labels] += 1
print(naive.sum())
same = np.bincount(labels, minlength=1000)
print(np.array_equal(same, counts))
del labels
print(counts[:5])
