import gc


class Node:
    finalized = 0

    def __init__(self, name):
        self.name = name
        self.peers = []
        self.payload = [name] * 20

    def __del__(self):
        Node.finalized += 1


def ring(n):
    nodes = [Node(f"n{i}") for i in range(n)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.peers.append(b)
    return nodes[0]


gc.disable()
heads = [ring(50) for _ in range(400)]
print(len(heads), Node.finalized)
del heads
print("after del:", Node.finalized)
found = gc.collect()
print("collected:", found, Node.finalized, len(gc.garbage))

plain = [Node(f"p{i}") for i in range(20000)]
del plain
print(Node.finalized)
gc.enable()
gc.set_debug(0)
print(gc.isenabled(), gc.get_count()[0] >= 0)
