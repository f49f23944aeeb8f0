import numpy as np

frames = np.arange(12_000_000, dtype=np.float32).reshape(300, 200, 200)
print(frames.shape, frames.nbytes // 1_000_000, frames.flags["C_CONTIGUOUS"])
swapped = frames.transpose(1, 2, 0)
print(swapped.shape, swapped.base is frames, swapped.flags["C_CONTIGUOUS"])
flat = swapped.reshape(-1)
print(flat.shape, np.shares_memory(flat, frames))
row_view = frames.reshape(300, -1)
print(row_view.base is frames, np.shares_memory(row_view, frames))
means = frames.mean(axis=0)
print(means.shape, means.dtype, float(means[0, 0]))
del swapped, flat
copied = np.ascontiguousarray(frames[:, ::2, ::2])
print(copied.shape, copied.nbytes, copied.base is None)
del frames
print(row_view.shape, float(row_view[-1, -1]))
del row_view
stacked = np.stack([copied[0], copied[1]], axis=-1)
print(stacked.shape, stacked.dtype)
