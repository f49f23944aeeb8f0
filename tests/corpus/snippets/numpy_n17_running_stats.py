# Running totals and extremes over a long series with ufunc.accumulate (each a full-size copy).
import numpy as np

rng = np.random.default_rng(21)
prices = 100 + np.cumsum(rng.normal(size=1_500_000))
running_max = np.maximum.accumulate(prices)
drawdown = np.subtract(running_max, prices)
print(drawdown.max() >= 0, running_max.dtype)
running_min = np.minimum.accumulate(prices)
print(running_min[-1] <= prices.min() + 1e-9)
del running_min
total = np.add.reduce(prices)
print(round(float(total) / len(prices), 3) == round(float(prices.mean()), 3))
del drawdown
print(running_max.shape)
