import heapq
import random

random.seed(42)
scores = [random.random() for _ in range(300_000)]

top10 = heapq.nlargest(10, scores)
bottom3 = heapq.nsmallest(3, scores)
print([round(s, 5) for s in top10[:3]], bottom3[0] < 0.001)

# keep a running top-1000 with heappushpop
top = []
for s in scores:
    if len(top) < 1000:
        heapq.heappush(top, s)
    else:
        heapq.heappushpop(top, s)
print(len(top), round(top[0], 4))

runs = [sorted(scores[i::4]) for i in range(4)]
merged = list(heapq.merge(*runs))
print(len(merged), merged[0] == min(scores))

tasks = [(random.randint(1, 9), f"task{i}") for i in range(50_000)]
heapq.heapify(tasks)
done = [heapq.heappop(tasks) for _ in range(25_000)]
del runs, merged, scores
print(done[0], len(tasks))
