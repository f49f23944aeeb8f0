# title: A NumPy pipeline: load, normalise, filter, aggregate
# python: debian
#
# Held-out (issue 9): a typical numeric pipeline whose temporaries people
# suspect of holding memory under different allocators.
import numpy as np

rng = np.random.default_rng(1)
raw = rng.normal(10.0, 3.0, size=1_500_000)
centered = raw - raw.mean()
scaled = centered / raw.std()
mask = np.abs(scaled) < 2.0
kept = scaled[mask]
del raw, centered
blocks = kept[: len(kept) // 1000 * 1000].reshape(-1, 1000)
means = blocks.mean(axis=1)
del scaled, mask, blocks
result = float(means.sum())
del kept
