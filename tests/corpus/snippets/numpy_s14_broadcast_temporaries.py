import numpy as np

rng = np.random.default_rng(0)
points = rng.random((20000, 3))
centers = rng.random((50, 3))
print(points.nbytes, centers.shape)

diff = points[:, None, :] - centers[None, :, :]
print("temporary:", diff.shape, diff.nbytes)

dist = np.sqrt((diff ** 2).sum(axis=2))
del diff
labels = dist.argmin(axis=1)
print(np.bincount(labels, minlength=50)[:5])

dist2 = (points ** 2).sum(1)[:, None] - 2 * points @ centers.T + (centers ** 2).sum(1)[None, :]
print(np.allclose(np.sqrt(np.maximum(dist2, 0)), dist))

normalized = (points - points.mean(axis=0)) / points.std(axis=0)
print(normalized.mean(axis=0).round(6), normalized.dtype)
del dist, dist2, normalized
print(labels[:5])
