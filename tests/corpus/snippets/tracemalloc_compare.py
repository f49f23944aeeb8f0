import tracemalloc

tracemalloc.start(10)
snap1 = tracemalloc.take_snapshot()

leaky = []
for i in range(50000):
    leaky.append({"i": i, "payload": "x" * 100})

snap2 = tracemalloc.take_snapshot()
for stat in snap2.compare_to(snap1, "lineno")[:3]:
    print(stat)

current, peak = tracemalloc.get_traced_memory()
print(f"current={current / 1024:.0f} KiB peak={peak / 1024:.0f} KiB")
tracemalloc.stop()
