import heapq
import operator
import random

random.seed(42)
scores = {f"player{i}": random.random() * 1000 for i in range(80000)}

top = heapq.nlargest(10, scores.items(), key=operator.itemgetter(1))
ranked = sorted(scores.items(), key=operator.itemgetter(1), reverse=True)
print(top[0][0] == ranked[0][0])

h = []
for name, s in scores.items():
    if len(h) < 100:
        heapq.heappush(h, (s, name))
    else:
        heapq.heappushpop(h, (s, name))
print(len(h), round(h[0][0], 3))
del ranked
scores = dict(top)
print(len(scores))
