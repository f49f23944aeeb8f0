import numpy as np

rng = np.random.default_rng(5)
labels = rng.integers(0, 5000, size=1_000_000)
values, counts = np.unique(labels, return_counts=True)
print("unique:", values.size, "max count:", counts.max())
order = np.argsort(labels, kind="stable")
print("order dtype:", order.dtype, order[:3])
sorted_labels = labels[order]
print("is sorted:", bool(np.all(sorted_labels[:-1] <= sorted_labels[1:])))
del order
labels.sort()
print("in-place equal:", bool(np.array_equal(labels, sorted_labels)))
del sorted_labels
inv = np.unique(labels, return_inverse=True)[1]
print("inverse:", inv.shape, inv.max())
del inv, labels
