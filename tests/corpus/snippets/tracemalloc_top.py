import tracemalloc

tracemalloc.start()

data = [str(x) * 10 for x in range(100000)]
lookup = {x: x * 2 for x in range(100000)}

snapshot = tracemalloc.take_snapshot()
top_stats = snapshot.statistics("lineno")

print("[ Top 5 ]")
for stat in top_stats[:5]:
    print(stat)
