import heapq
import random

random.seed(7)
players = [{"name": f"player{i}", "score": random.randint(0, 10**6), "team": i % 12} for i in range(100000)]
top = heapq.nlargest(5, players, key=lambda p: p["score"])
print([(p["name"], p["score"]) for p in top])
bottom = heapq.nsmallest(3, players, key=lambda p: (p["score"], p["name"]))
print([p["score"] for p in bottom])
heap = []
for p in players:
    entry = (p["score"], p["name"])
    if len(heap) < 100:
        heapq.heappush(heap, entry)
    else:
        heapq.heappushpop(heap, entry)
print(len(heap), heap[0], max(heap))
scores = [p["score"] for p in players]
heapq.heapify(scores)
print([heapq.heappop(scores) for _ in range(3)], len(scores))
per_team = {}
for p in players:
    per_team.setdefault(p["team"], []).append(p["score"])
leaders = {t: heapq.nlargest(2, s) for t, s in per_team.items()}
print(leaders[0], len(leaders))
merged = list(heapq.merge(sorted(per_team[0])[:3], sorted(per_team[1])[:3]))
print(merged)
del players, per_team, scores
print(heapq.heapreplace(heap, (0, "x")), len(heap))
