import pickle, copy, sys

class Node:
    def __init__(self, name):
        self.name = name
        self.edges = []
    def __getattr__(self, item):
        if item.startswith("x_"):
            return len(self.edges)
        raise AttributeError(item)

nodes = [Node(f"n{i}") for i in range(20000)]
for i, n in enumerate(nodes):
    n.edges.append(nodes[i // 2])
    n.edges.append(nodes[i // 3])
blob = pickle.dumps(nodes, protocol=pickle.HIGHEST_PROTOCOL)
print(len(blob) > 100000, nodes[3].x_deg)
back = pickle.loads(blob)
print(back[10].edges[1].name, sys.getsizeof(blob) > 100000)
clone = copy.deepcopy(nodes[:100])
print(len(clone), clone[0].edges[0].name)
del nodes, back, blob, clone
import gc
print(gc.collect() > 0)
