import tracemalloc
tracemalloc.start()
snap1 = tracemalloc.take_snapshot()
data = {f"k{i}": list(range(i % 50)) for i in range(40000)}
snap2 = tracemalloc.take_snapshot()
stats = snap2.compare_to(snap1, "lineno")
for s in stats[:2]:
    print(s.size_diff > 0, s.count_diff > 0)
cur, peak = tracemalloc.get_traced_memory()
print(cur > 1000000, peak >= cur)
del data, snap1, snap2, stats
tracemalloc.stop()
print("ok")
