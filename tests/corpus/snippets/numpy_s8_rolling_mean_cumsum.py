import numpy as np

prices = (np.arange(3_000_000) % 997) * 0.5 + 100.0
window = 50
csum = np.cumsum(prices)
rolling = (csum[window:] - csum[:-window]) / window
print(rolling.shape, round(float(rolling[0]), 4), round(float(rolling.max()), 4))
del csum
changes = np.diff(prices)
print(changes.dtype, int((changes > 0).sum()))
order = np.argsort(prices[:500000], kind="stable")
print(order.dtype, order[:3])
values, counts = np.unique(prices[:100000], return_counts=True)
print(len(values), counts.max())
srt = np.sort(prices[:1000000])
print(srt[0], srt[-1])
del changes, order, srt, values, counts
print(round(float(prices.mean()), 3), round(float(prices.std()), 3))
del prices, rolling
