# title: NumPy in chunks: per-chunk statistics of a big array
# python: debian
#
# Held-out (issue 9): process a big array chunk by chunk, keeping only small
# results, the way people try to keep memory flat.
import numpy as np

data = np.arange(4_000_000, dtype=np.float64)
stats = []
for start in range(0, len(data), 500_000):
    chunk = data[start : start + 500_000] * 1.5
    sq = chunk ** 2
    stats.append((float(chunk.mean()), float(sq.max())))
    del chunk, sq
del data
arr = np.array(stats)
