import heapq
import random

random.seed(1)

W, H = 120, 120


def build_graph(w, h):
    graph = {}
    for y in range(h):
        for x in range(w):
            edges = []
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx, ny = x + dx, y + dy
                if 0 <= nx < w and 0 <= ny < h:
                    edges.append(((nx, ny), random.randint(1, 9)))
            graph[(x, y)] = edges
    return graph


def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    heap = [(0, source)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for nbr, w in graph[node]:
            nd = d + w
            if nd < dist.get(nbr, float("inf")):
                dist[nbr] = nd
                prev[nbr] = node
                heapq.heappush(heap, (nd, nbr))
    return dist, prev


def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return path[::-1]


graph = build_graph(W, H)
dist, prev = dijkstra(graph, (0, 0))
goal = (W - 1, H - 1)
route = path_to(prev, goal)
print("nodes:", len(graph), "distance:", dist[goal], "hops:", len(route) - 1)
del dist, prev
print("route starts", route[:4])
