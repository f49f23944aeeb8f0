# title: A dict of sets: an adjacency list
graph = {}
for i in range(60000):
    for j in (i * 7 % 60000, i * 13 % 60000, (i + 1) % 60000):
        graph.setdefault(i, set()).add(j)
        graph.setdefault(j, set()).add(i)

degrees = {node: len(nbrs) for node, nbrs in graph.items()}
for node in list(graph)[:30000]:
    del graph[node]
graph.clear()
del degrees
