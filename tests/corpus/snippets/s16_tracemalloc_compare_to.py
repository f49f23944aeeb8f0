import tracemalloc

tracemalloc.start(5)

cache = {}

def handle_request(i):
    key = f"/page/{i % 3000}"
    if key not in cache:
        cache[key] = "<html>" + "x" * 500 + "</html>"
    return len(cache[key])

first = tracemalloc.take_snapshot()
for i in range(20000):
    handle_request(i)
second = tracemalloc.take_snapshot()

stats = second.compare_to(first, "lineno")
top = stats[0]
print(top.count_diff > 0, top.size_diff > 1000000)
for s in stats[:3]:
    print(s.traceback[0].lineno, s.count_diff)

by_file = second.compare_to(first, "filename")
print(len(by_file) >= 1)

cache.clear()
third = tracemalloc.take_snapshot()
freed = third.compare_to(second, "lineno")
print(freed[0].size_diff < 0)

current, peak = tracemalloc.get_traced_memory()
print(peak > current)
del first, second, third, stats, freed, by_file
tracemalloc.stop()
print("stopped")
