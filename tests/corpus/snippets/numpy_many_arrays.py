import numpy as np

arrays = [np.random.rand(1000) for _ in range(10000)]
means = [a.mean() for a in arrays]
print(np.mean(means))
del arrays
stacked = np.vstack([np.arange(100) for _ in range(5000)])
print(stacked.shape)
del stacked
