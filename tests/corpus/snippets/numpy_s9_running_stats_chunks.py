import numpy as np

rng = np.random.default_rng(5)
chunks = []
for i in range(40):
    block = rng.normal(loc=i, scale=2.0, size=100_000)
    chunks.append(block[block > i])
print(len(chunks), sum(c.size for c in chunks))
total = np.concatenate(chunks)
print(total.size, round(float(total.mean()), 3), round(float(np.median(total)), 3))
del chunks
pct = np.percentile(total, [5, 50, 95])
print(np.round(pct, 2))
hist, edges = np.histogram(total, bins=10)
print(hist.sum(), edges.shape)
clipped = np.clip(total, 0, 30)
print(float(clipped.max()), clipped.dtype)
del clipped
sorted_vals = np.sort(total)
print(sorted_vals[:2].round(3), bool((np.diff(sorted_vals) >= 0).all()))
del total, sorted_vals
