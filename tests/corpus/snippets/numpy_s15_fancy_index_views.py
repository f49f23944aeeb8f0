import numpy as np

base = np.arange(2_000_000, dtype=np.float64).reshape(2000, 1000)
view = base[::2, 100:600]
copy_rows = base[[0, 5, 10, 15]]
mask_sel = base[base % 7 == 0]
print(view.base is base, copy_rows.base is None, np.shares_memory(view, base), np.shares_memory(copy_rows, base))
print(view.shape, copy_rows.shape, mask_sel.shape)

idx = np.random.default_rng(0).integers(0, 2000, size=5000)
picked = base[idx]
print(picked.nbytes // 1024, picked.flags["OWNDATA"])
del picked

view *= 2
print(base[0, 100], base[1, 100])
col = base[:, 3].copy()
del base
print(view.base.shape, col[:3])
del mask_sel, copy_rows
del view
print(col.sum())
