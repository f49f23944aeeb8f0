import random
import statistics

random.seed(42)
latencies = [random.expovariate(1 / 20) for _ in range(50000)]
per_endpoint = {f"/api/v1/item/{k}": [] for k in range(20)}
for i, ms in enumerate(latencies):
    per_endpoint[f"/api/v1/item/{i % 20}"].append(ms)
print(f"mean {statistics.mean(latencies):.3f} median {statistics.median(latencies):.3f}")
print(f"stdev {statistics.stdev(latencies):.3f} pstdev {statistics.pstdev(latencies):.3f}")
q = statistics.quantiles(latencies, n=100)
print(f"p50 {q[49]:.2f} p95 {q[94]:.2f} p99 {q[98]:.2f}")
for name, values in list(per_endpoint.items())[:3]:
    print(f"{name:<18} n={len(values)} mean={statistics.fmean(values):7.3f} max={max(values):8.3f}")
ints = [random.randint(1, 6) for _ in range(1000)]
print(statistics.mode(ints), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))
print(statistics.mean([1, 2, 3, 4]), statistics.harmonic_mean([40, 60]), statistics.geometric_mean([1, 10, 100]))
try:
    statistics.mean([])
except statistics.StatisticsError as exc:
    print("error:", exc)
del latencies
slow = {k: v for k, v in per_endpoint.items() if statistics.median(v) > 13.8}
print(len(slow))
