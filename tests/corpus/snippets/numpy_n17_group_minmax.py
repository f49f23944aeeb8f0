# Per-group min and max with np.minimum.at / np.maximum.at, as people write it before pandas.
import numpy as np

rng = np.random.default_rng(5)
groups = rng.integers(0, 50, size=300_000)
values = rng.normal(size=300_000)
lo = np.full(50, np.inf)
hi = np.full(50, -np.inf)
np.minimum.at(lo, groups, values)
np.maximum.at(hi, groups, values)
print(bool((lo < hi).all()), lo.shape)
spread = np.subtract(hi, lo)
print(spread.argmax() >= 0)
idx32 = groups.astype(np.int32)
sums = np.zeros(50)
np.add.at(sums, idx32, values)
print(np.isclose(sums.sum(), values.sum()))
