import numpy as np

a = np.arange(1_200_000, dtype=np.int64)
m = a.reshape(1200, 1000)
print(m.base is a, m.flags["C_CONTIGUOUS"])

t = m.T
print(t.base is m, t.flags["C_CONTIGUOUS"], t.flags["F_CONTIGUOUS"])

flat = t.reshape(-1)
print(flat.base is None or flat.base is not m, np.shares_memory(flat, a))

c = np.ascontiguousarray(t)
print(c.flags["C_CONTIGUOUS"], c.nbytes)
del a, m, t

objs = np.empty(20000, dtype=object)
for i in range(20000):
    objs[i] = [i] * 3 if i % 2 else f"s{i}"
print(objs[:3], objs.dtype, objs.nbytes)

lens = np.array([len(x) for x in objs])
print(lens.sum(), objs[objs != None].size)
objs2 = objs.reshape(200, 100).T.copy()
print(objs2.shape, objs2[1, 0])
del objs, objs2, flat, c
print(lens[:4])
