import numpy as np

rng = np.random.default_rng(42)
labels = rng.integers(0, 1000, size=1_000_000)
weights = rng.random(1_000_000)

counts = np.bincount(labels, minlength=1000)
sums = np.bincount(labels, weights=weights, minlength=1000)
print(counts[:5], round(sums.sum(), 3))

acc = np.zeros(1000)
np.add.at(acc, labels, weights)
print(np.allclose(acc, sums))

naive = np.zeros(1000)
naive[labels] += weights
print(naive.sum() < acc.sum())

values, inverse, freq = np.unique(labels, return_inverse=True, return_counts=True)
print(values.shape, inverse.shape, freq.max())
del inverse
words = rng.choice(np.array(["alpha", "beta", "gamma", "delta"]), size=200_000)
uw, uc = np.unique(words, return_counts=True)
print(dict(zip(uw.tolist(), uc.tolist())))
del labels, weights, words
print(acc.argmax())
