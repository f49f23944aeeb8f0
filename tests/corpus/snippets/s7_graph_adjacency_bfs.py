from collections import deque, defaultdict

N = 30000
graph = defaultdict(set)
for i in range(N):
    for j in (i * 3 + 1, i * 7 + 2, i + 1):
        j %= N
        if (i // 1000) == (j // 1000) or i % 97 == 0:
            graph[i].add(j)
            graph[j].add(i)
print("nodes:", len(graph), "edges:", sum(len(s) for s in graph.values()) // 2)


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


d = bfs(0)
print("reached:", len(d), "max depth:", max(d.values()))
seen = set()
components = 0
for node in list(graph):
    if node not in seen:
        seen |= bfs(node).keys()
        components += 1
print("components:", components)
isolated = [n for n in range(N) if n not in graph]
print("isolated:", len(isolated))
del graph, d, seen
