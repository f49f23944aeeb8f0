import numpy as np

a = np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000)
col_means = a.mean(axis=0)
centered = a - col_means
print(centered.shape, centered.flags["OWNDATA"])

t = a.T
print(t.base is a, t.flags["C_CONTIGUOUS"])
tc = np.ascontiguousarray(t)
print(tc.base is None, tc.flags["C_CONTIGUOUS"])

flat_view = a.reshape(-1)
flat_copy = t.reshape(-1)
print(np.shares_memory(flat_view, a), np.shares_memory(flat_copy, a))

outer = np.arange(2000)[:, None] * np.arange(500)[None, :]
print(outer.shape, outer.dtype)

scaled = a * 2 + 1
print(scaled[1, 1])
del centered, tc, flat_copy, outer, scaled
del a, t, flat_view
print(col_means[:3])
