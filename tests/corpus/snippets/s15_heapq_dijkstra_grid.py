import heapq
import random

random.seed(1)
W, H = 200, 200
cost = [[random.randint(1, 9) for _ in range(W)] for _ in range(H)]


def dijkstra(start, goal):
    best = {start: 0}
    heap = [(0, start)]
    while heap:
        d, (x, y) = heapq.heappop(heap)
        if (x, y) == goal:
            return d, len(best)
        if d > best[(x, y)]:
            continue
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nx, ny = x + dx, y + dy
            if 0 <= nx < W and 0 <= ny < H:
                nd = d + cost[ny][nx]
                if nd < best.get((nx, ny), float("inf")):
                    best[(nx, ny)] = nd
                    heapq.heappush(heap, (nd, (nx, ny)))
    return None, len(best)


print(dijkstra((0, 0), (W - 1, H - 1)))

tasks = []
for i in range(50000):
    heapq.heappush(tasks, (random.random(), i, f"task-{i}"))
first = [heapq.heappop(tasks)[2] for _ in range(5)]
print(first, len(tasks))
print(heapq.nsmallest(3, tasks)[0][1])
del tasks
del cost
