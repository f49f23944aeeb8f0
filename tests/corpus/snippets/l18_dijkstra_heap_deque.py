from collections import deque
import heapq

def dijkstra(graph, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist

N = 20000
graph = {i: [((i * 7 + 1) % N, 3), ((i * 13 + 5) % N, 1), ((i + 1) % N, 2)] for i in range(N)}
dist = dijkstra(graph, 0)
print(len(dist), max(dist.values()))
q = deque(range(100000), maxlen=5000)
print(len(q), q[0])
del graph, dist, q
