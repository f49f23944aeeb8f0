import random
import statistics

random.seed(2024)
latencies = [random.gauss(120, 25) for _ in range(100000)]
print("mean %.3f" % statistics.mean(latencies))
print("median %.3f" % statistics.median(latencies))
print("pstdev %.3f" % statistics.pstdev(latencies))

q = statistics.quantiles(latencies, n=10)
print("deciles:", [round(x, 1) for x in q])

ints = [random.randint(1, 20) for _ in range(50000)]
print("mode", statistics.mode(ints), "median_low", statistics.median_low(ints))
print("fmean %.4f" % statistics.fmean(ints))

xs = list(range(2000))
ys = [2 * x + random.random() for x in xs]
slope, intercept = statistics.linear_regression(xs, ys)
print("slope %.3f" % slope, "corr %.5f" % statistics.correlation(xs, ys))
del latencies, ints, xs, ys
print("done")
