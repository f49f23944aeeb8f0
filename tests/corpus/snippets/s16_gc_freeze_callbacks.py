import gc

events = []

def on_gc(phase, info):
    if phase == "stop":
        events.append((info["generation"], info["collected"]))

gc.callbacks.append(on_gc)

class Node:
    def __init__(self, v):
        self.v = v
        self.peer = None

def make_cycles(n):
    for i in range(n):
        a, b = Node(i), Node(-i)
        a.peer, b.peer = b, a

make_cycles(30000)
print("collections seen:", len(events))

before = len(gc.get_objects())
keep = [Node(i) for i in range(20000)]
print(len(gc.get_objects()) - before >= 20000)

gc.freeze()
print("frozen:", gc.get_freeze_count() > 20000)
collected = gc.collect()
print("collected:", collected)

gc.unfreeze()
del keep
print(gc.collect() >= 0)

nodes = [o for o in gc.get_objects() if isinstance(o, Node)]
print(len(nodes))
gc.callbacks.remove(on_gc)
print(sum(c for _, c in events) > 0)
del events, nodes
