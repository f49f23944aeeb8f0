import random
import statistics as st

random.seed(2024)
latencies = [random.lognormvariate(3.0, 0.6) for _ in range(50_000)]

print(f"mean   {st.mean(latencies):8.2f} ms")
print(f"median {st.median(latencies):8.2f} ms")
print(f"stdev  {st.stdev(latencies):8.2f} ms")
print(f"pstdev {st.pstdev(latencies):8.2f} ms")
q = st.quantiles(latencies, n=100)
print(f"p90 {q[89]:.2f}  p99 {q[98]:.2f}")

ints = [random.randint(1, 6) + random.randint(1, 6) for _ in range(30_000)]
print("mode", st.mode(ints), "multimode", st.multimode(ints))
print("fmean", round(st.fmean(ints), 4), "harmonic", round(st.harmonic_mean(ints), 4))

xs = list(range(1000))
ys = [3 * x + random.gauss(0, 10) for x in xs]
print("correlation %.4f" % st.correlation(xs, ys))
slope, intercept = st.linear_regression(xs, ys)
print("slope %.3f intercept %.3f" % (slope, intercept))
del latencies, ints
