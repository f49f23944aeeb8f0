import sys
import random

sys.setrecursionlimit(20_000)
random.seed(3)

N = 6000
adj = {i: [] for i in range(N)}
for _ in range(4500):
    a, b = random.randrange(N), random.randrange(N)
    adj[a].append(b)
    adj[b].append(a)


def dfs(node, seen, component):
    seen.add(node)
    component.append(node)
    for nxt in adj[node]:
        if nxt not in seen:
            dfs(nxt, seen, component)


seen = set()
components = []
for node in range(N):
    if node not in seen:
        comp = []
        dfs(node, seen, comp)
        components.append(comp)

sizes = sorted((len(c) for c in components), reverse=True)
print("components:", len(components))
print("largest:", sizes[:5])
print("singletons:", sizes.count(1))

del components, seen
