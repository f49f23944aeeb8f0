import heapq
import random

random.seed(42)
runs = [sorted(random.randrange(1_000_000) for _ in range(20_000)) for _ in range(8)]
print("runs:", len(runs), "each", len(runs[0]))

merged = list(heapq.merge(*runs))
print("merged:", len(merged), merged[:3], merged == sorted(merged))

rows = [{"id": i, "latency": random.expovariate(1 / 50)} for i in range(100_000)]
slowest = heapq.nlargest(5, rows, key=lambda r: r["latency"])
fastest = heapq.nsmallest(5, rows, key=lambda r: r["latency"])
print("slowest ids:", [r["id"] for r in slowest])
print("fastest ids:", [r["id"] for r in fastest])

top_numbers = heapq.nlargest(1_000, merged)
print("top numbers:", top_numbers[:3])

heap = []
for r in rows:
    if len(heap) < 100:
        heapq.heappush(heap, (r["latency"], r["id"]))
    else:
        heapq.heappushpop(heap, (r["latency"], r["id"]))
print("kept", len(heap), "min of top-100:", round(heap[0][0], 2))
del rows, merged, runs
