import random

random.seed(7)
edges = set()
adj = {}
for _ in range(80000):
    a, b = random.randrange(5000), random.randrange(5000)
    if a == b:
        continue
    e = frozenset((a, b))
    if e in edges:
        continue
    edges.add(e)
    adj.setdefault(a, set()).add(b)
    adj.setdefault(b, set()).add(a)
print(len(edges), len(adj))
degree = sorted(((len(v), k) for k, v in adj.items()), reverse=True)
print(degree[:3])
triangles = 0
for u, nbrs in list(adj.items())[:500]:
    for v in nbrs:
        triangles += len(nbrs & adj[v])
print(triangles // 2)
fs = frozenset({1, 2, 3})
print(fs | {4}, fs & frozenset({2, 9}), fs.issubset({1, 2, 3, 4}), hash(fs) == hash(frozenset({3, 2, 1})))
seen = {}
for e in list(edges)[:1000]:
    seen[e] = sorted(e)
print(len(seen))
del edges, adj
