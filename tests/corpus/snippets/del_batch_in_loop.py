import gc
import resource


def maxrss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_batch(n, seed):
    return [{"id": seed * n + i, "payload": "p" * 64, "vals": [i, i + 1, i + 2]} for i in range(n)]


totals = []
for b in range(20):
    batch = make_batch(10_000, b)
    totals.append(sum(r["vals"][1] for r in batch))
    del batch
    if b % 5 == 4:
        gc.collect()
        print(f"batch {b:2d}: maxrss {maxrss_mb():.1f} MB")

print("total", sum(totals))

kept = []
for b in range(20):
    batch = make_batch(10_000, b)
    kept.append(batch[-1])
    del batch
print("kept", len(kept), "maxrss %.1f MB" % maxrss_mb())
