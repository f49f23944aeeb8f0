import numpy as np

parts = [np.full((1000, 100), i, dtype=np.float64) for i in range(20)]
print(len(parts), parts[0].nbytes)
joined = np.concatenate(parts, axis=0)
print(joined.shape, joined.nbytes)
cube = joined.reshape(20, 1000, 100)
print(cube.base is joined, cube[3, 0, 0])
flat = cube.transpose(1, 0, 2).reshape(-1)
print(flat.shape, flat.base is None)
stacked = np.stack(parts[:5], axis=-1)
print(stacked.shape, stacked[0, 0])
halves = np.split(joined, 2)
print(len(halves), halves[1].shape, halves[1].base is joined)
del parts
del flat
wide = np.hstack([joined, joined])
print(wide.shape)
del joined, cube, halves, wide
print(stacked.sum())
