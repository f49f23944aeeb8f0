# Sparse in-place updates of a big vector: fancy += versus np.add.at with duplicate indices.
import numpy as np

rng = np.random.default_rng(9)
state = np.zeros(4_000_000)
hits = rng.integers(0, 4_000_000, size=300_000)
state[hits] += 1.0
once = state.sum()
np.add.at(state, hits, 1.0)
print(once <= len(hits), state.sum() - once == len(hits))
np.multiply.at(state, hits[:1000], 0.5)
np.negative.at(state, hits[:10])
print(state.dtype, state.shape)
del hits
print(np.count_nonzero(state) > 0)
