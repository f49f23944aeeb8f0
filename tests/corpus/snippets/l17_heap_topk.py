import heapq
import random

random.seed(11)
scores = [(random.randint(0, 10**6), f"user{i}") for i in range(300_000)]
top = heapq.nlargest(5, scores)
print(top[0])
heap = []
for s in scores:
    if len(heap) < 1000:
        heapq.heappush(heap, s)
    else:
        heapq.heappushpop(heap, s)
print(len(heap), heap[0][0] > 900_000)
merged = list(heapq.merge(sorted(scores[:1000]), sorted(scores[1000:2000])))
print(len(merged), merged[0] <= merged[-1])
del scores
print(sum(s for s, _ in heap) // len(heap))
