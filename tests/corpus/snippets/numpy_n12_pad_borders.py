import numpy as np

# padding an image-like array: np.pad allocates the whole padded copy
img = np.arange(600 * 800, dtype=np.float32).reshape(600, 800)
padded = np.pad(img, 16)
print(padded.shape, padded.dtype, padded.nbytes - img.nbytes)
print(padded[14:18, 14:18])
edge = np.pad(img[:3, :4], ((1, 2), (2, 1)), mode="edge")
print(edge)
ring = np.pad(np.arange(6), (2, 3), constant_values=(-1, 9))
print(ring, ring.dtype)
del padded
big = np.pad(np.ones(1_000_000), (0, 48_576))
print(big.size, big[-3:], big.sum())
