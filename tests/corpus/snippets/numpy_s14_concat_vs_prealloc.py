import numpy as np

chunks = []
result = np.empty(0)
for i in range(200):
    block = np.full(2500, i, dtype=np.float64)
    result = np.concatenate([result, block])
    chunks.append(block)
print(result.shape, result[-1])

stacked = np.concatenate(chunks)
print(np.array_equal(stacked, result))

pre = np.empty(200 * 2500)
for i in range(200):
    pre[i * 2500:(i + 1) * 2500] = i
print(np.array_equal(pre, result), pre.nbytes)

grid = np.vstack([np.arange(1000) + r for r in range(300)])
print(grid.shape, grid.dtype, grid[299, 999])
del chunks, result, stacked
hs = np.hstack((pre[:10], pre[-10:]))
print(hs)
del pre, grid
print("done")
