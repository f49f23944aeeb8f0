import numpy as np

result = np.empty((0, 8))
for i in range(2000):
    row = np.full((1, 8), i, dtype=float)
    result = np.concatenate([result, row])  # copies everything every time
print(result.shape, result.nbytes)

parts = [np.full((1, 8), i, dtype=float) for i in range(2000)]
better = np.vstack(parts)
print(np.array_equal(result, better))
del parts, result
