from collections import defaultdict, deque


def topo_sort(deps):
    indegree = defaultdict(int)
    users = defaultdict(list)
    nodes = set(deps)
    for node, reqs in deps.items():
        for r in reqs:
            users[r].append(node)
            indegree[node] += 1
            nodes.add(r)
    ready = deque(sorted(n for n in nodes if indegree[n] == 0))
    order = []
    while ready:
        n = ready.popleft()
        order.append(n)
        for u in users[n]:
            indegree[u] -= 1
            if indegree[u] == 0:
                ready.append(u)
    if len(order) != len(nodes):
        cyclic = sorted(n for n in nodes if indegree[n] > 0)
        raise ValueError(f"cycle among {cyclic[:3]}")
    return order


deps = {f"mod{i}": [f"mod{j}" for j in (i // 2, i // 3, i - 1) if 0 <= j < i] for i in range(60000)}
order = topo_sort(deps)
pos = {n: k for k, n in enumerate(order)}
print(len(order), order[:4], all(pos[r] < pos[n] for n, reqs in deps.items() for r in reqs))
try:
    topo_sort({"a": ["b"], "b": ["c"], "c": ["a"], "d": []})
except ValueError as e:
    print("ValueError:", e)
levels = {}
for n in order:
    levels[n] = 1 + max((levels[r] for r in deps.get(n, [])), default=0)
print(max(levels.values()), sum(1 for v in levels.values() if v == 2))
del deps, order, pos, levels
