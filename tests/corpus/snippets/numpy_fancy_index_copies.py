import numpy as np

a = np.arange(10_000_000, dtype=np.int64)
view = a[::2]
picked = a[np.arange(0, len(a), 2)]
mask = a % 2 == 0
masked = a[mask]
print(np.shares_memory(a, view), np.shares_memory(a, picked), np.may_share_memory(a, masked))
print(view.base is a, picked.base is None, masked.nbytes // 2**20)
del mask
del a
print(view.sum() == picked.sum() == masked.sum())
del view
