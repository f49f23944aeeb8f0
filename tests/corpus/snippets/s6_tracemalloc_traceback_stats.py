import tracemalloc

tracemalloc.start(5)


def load_rows(n):
    return [{"id": i, "name": f"row{i}"} for i in range(n)]


def build_index(rows):
    return {r["name"]: r for r in rows}


rows = load_rows(15000)
index = build_index(rows)
snapshot = tracemalloc.take_snapshot()
snapshot = snapshot.filter_traces((
    tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
    tracemalloc.Filter(False, tracemalloc.__file__),
))
stats = snapshot.statistics("traceback")
top = stats[0]
print(f"{top.count} blocks, {top.size / 1024:.1f} KiB")
for line in top.traceback.format()[:4]:
    print(line)
by_line = snapshot.statistics("lineno")
print(len(by_line) > 0, by_line[0].size >= by_line[-1].size)
cur, peak = tracemalloc.get_traced_memory()
print(cur > 500_000, peak >= cur, tracemalloc.get_traceback_limit())
del index, rows
cur2, _ = tracemalloc.get_traced_memory()
print(cur2 < cur)
tracemalloc.stop()
print(tracemalloc.is_tracing())
