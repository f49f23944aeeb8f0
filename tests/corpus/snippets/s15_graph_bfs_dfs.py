import random
from collections import deque, defaultdict

random.seed(42)
N = 30000
graph = defaultdict(set)
for _ in range(N * 3):
    a, b = random.randrange(N), random.randrange(N)
    if a != b:
        graph[a].add(b)
        graph[b].add(a)

print(len(graph), sum(len(v) for v in graph.values()))


def bfs(start):
    dist = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph[node]:
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


distances = bfs(0)
print(len(distances), max(distances.values()))


def components():
    seen = set()
    sizes = []
    for node in list(graph):
        if node in seen:
            continue
        stack = [node]
        seen.add(node)
        size = 0
        while stack:
            cur = stack.pop()
            size += 1
            for nxt in graph[cur]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        sizes.append(size)
    return sizes


sizes = components()
print(len(sizes), max(sizes))
del distances
graph.clear()
print(len(graph))
