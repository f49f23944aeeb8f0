import gc

stats = []

def on_gc(phase, info):
    if phase == "stop":
        stats.append((info["generation"], info["collected"]))

gc.callbacks.append(on_gc)

class Node:
    def __init__(self):
        self.peer = None

for round_ in range(5):
    nodes = [Node() for _ in range(20000)]
    for a, b in zip(nodes, nodes[1:]):
        a.peer = b
    nodes[-1].peer = nodes[0]
    del nodes
    gc.collect()
print("collections seen:", len(stats) > 0)
print("full collections collected:", [c for g, c in stats if g == 2])
gc.callbacks.remove(on_gc)
stats.clear()
