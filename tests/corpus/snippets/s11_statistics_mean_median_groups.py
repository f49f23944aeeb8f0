import statistics
import random
from collections import defaultdict

random.seed(5)
latencies = defaultdict(list)
for i in range(40000):
    endpoint = ["/api/users", "/api/orders", "/health", "/login"][i % 4]
    latencies[endpoint].append(round(random.gauss(120 if endpoint != "/health" else 5, 30), 2))

for ep, vals in sorted(latencies.items()):
    print(f"{ep:12} n={len(vals)} mean={statistics.mean(vals):.2f} median={statistics.median(vals):.2f} "
          f"stdev={statistics.stdev(vals):.2f}")

q = statistics.quantiles(latencies["/login"], n=10)
print([round(x, 1) for x in q])
print(statistics.mode([1, 2, 2, 3, 3, 3]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))
print(statistics.fmean([1, 2, 3.5]), statistics.pvariance([2, 4, 4, 4, 5, 5, 7, 9]))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("error:", e)
del latencies["/health"]
print(sum(len(v) for v in latencies.values()))
