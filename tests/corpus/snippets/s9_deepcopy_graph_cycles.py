import copy


class Node:
    def __init__(self, name):
        self.name = name
        self.edges = []
        self.meta = {"visits": 0}

    def __repr__(self):
        return f"Node({self.name}, {len(self.edges)} edges)"


nodes = [Node(f"n{i}") for i in range(150)]
for i, n in enumerate(nodes):
    n.edges.append(nodes[(i + 1) % len(nodes)])
    n.edges.append(nodes[(i * 7) % len(nodes)])
    n.edges.append(n)
graph = {"nodes": nodes, "root": nodes[0]}
clones = [copy.deepcopy(graph) for _ in range(40)]
clone = clones[-1]
print(len(clone["nodes"]), clone["root"] is clone["nodes"][0], clone["root"] is nodes[0])
print(clone["nodes"][3].edges[2] is clone["nodes"][3], clone["nodes"][3])
clone["root"].meta["visits"] += 1
print(nodes[0].meta, clone["root"].meta)
shallow = copy.copy(graph)
print(shallow["nodes"] is nodes, shallow["root"] is nodes[0])
memo = {}
a = copy.deepcopy(nodes[:10], memo)
print(len(memo) > 10, a[0].edges[0] is a[1])
del nodes, graph, shallow
seen = set()
stack = [clone["root"]]
while stack:
    n = stack.pop()
    if id(n) in seen:
        continue
    seen.add(id(n))
    stack.extend(n.edges)
print(len(seen))
del clones, clone, a, memo
