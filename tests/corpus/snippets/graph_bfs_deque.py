from collections import deque
import random

random.seed(1)
N = 50000
graph = {i: set() for i in range(N)}
for _ in range(N * 3):
    a = random.randrange(N)
    b = random.randrange(N)
    if a != b:
        graph[a].add(b)
        graph[b].add(a)

def bfs(start):
    dist = {start: 0}
    q = deque([start])
    while q:
        u = q.popleft()
        for v in graph[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                q.append(v)
    return dist

d = bfs(0)
print("reached", len(d), "max depth", max(d.values()))
del d
graph.clear()
