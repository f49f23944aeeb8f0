import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peers = []


def build_ring(n):
    nodes = [Node(f"n{i}") for i in range(n)]
    for i, node in enumerate(nodes):
        node.peers.append(nodes[(i + 1) % n])
        node.peers.append(nodes[i - 1])
    return nodes[0]


gc.disable()
heads = [build_ring(50) for _ in range(600)]
print(len(heads), gc.get_count()[0] > 0)
del heads
print("unreachable:", gc.collect())
gc.enable()
again = [build_ring(20) for _ in range(300)]
print(len(again))
del again
print(gc.collect())
