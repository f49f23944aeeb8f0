import heapq
import random

random.seed(7)
runs = [sorted(random.random() for _ in range(5000)) for _ in range(10)]
print(len(runs), round(runs[0][0], 6))
merged = list(heapq.merge(*runs))
print(len(merged), merged[:2] == sorted(merged[:2]))
top = heapq.nlargest(5, merged)
low = heapq.nsmallest(3, merged)
print([round(x, 4) for x in top], [round(x, 4) for x in low])
heap = []
for i, x in enumerate(merged):
    heapq.heappush(heap, (-x, i))
    if len(heap) > 1000:
        heapq.heappop(heap)
print(len(heap), round(-heap[0][0], 4))
del merged, runs
print(len(heap))
