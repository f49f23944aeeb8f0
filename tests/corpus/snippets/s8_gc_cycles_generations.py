import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peers = []


def make_ring(n):
    nodes = [Node(f"n{i}") for i in range(n)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.peers.append(b)
        b.peers.append(a)
    return nodes[0]


gc.collect()
gc.disable()
print("enabled:", gc.isenabled(), "thresholds:", gc.get_threshold())
rings = [make_ring(50) for _ in range(400)]
print(len(rings), gc.get_count()[0] > 700)
del rings
found = [gc.collect(0), gc.collect(1), gc.collect(2)]
print("found:", found)
print("after:", gc.get_count())
gc.enable()

stats_before = gc.get_stats()
for _ in range(20):
    r = make_ring(100)
    del r
print(len(stats_before), sorted(stats_before[0].keys()))
print(gc.collect())
gc.set_threshold(100, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
cycle = {}
cycle["self"] = cycle
del cycle
print(gc.collect() >= 1, gc.garbage)
