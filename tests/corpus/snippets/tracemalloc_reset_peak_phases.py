import tracemalloc


def load(n):
    return [f"row {i}: " + "x" * (i % 50) for i in range(n)]


def transform(rows):
    return [r.upper() for r in rows]


def summarize(rows):
    return {r[:8]: len(r) for r in rows}


tracemalloc.start()
results = {}
rows = None
for phase in (load, transform, summarize):
    before, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    rows = phase(rows if rows is not None else 60_000)
    after, peak = tracemalloc.get_traced_memory()
    results[phase.__name__] = (after - before, peak - before)

for name, (delta, peak) in results.items():
    print(f"{name:<10} delta={delta / 1024:9.1f} KiB peak={peak / 1024:9.1f} KiB")

print("traced now:", tracemalloc.get_traced_memory()[0] // 1024, "KiB")
del rows
print("after del:", tracemalloc.get_traced_memory()[0] // 1024, "KiB")
tracemalloc.stop()
