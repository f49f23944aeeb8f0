import gc
from collections import Counter


def type_counts():
    return Counter(type(o).__name__ for o in gc.get_objects())


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None


before = type_counts()
print("tracked before:", sum(before.values()) > 1000)

nodes = []
for i in range(20000):
    n = Node(i)
    if nodes:
        n.parent = nodes[i // 2]
        nodes[i // 2].children.append(n)
    nodes.append(n)

after = type_counts()
diff = after - before
print(sorted(diff.most_common(4)))

del nodes
print("unreachable found:", gc.collect())
final = type_counts()
print("Node left:", final["Node"], "list delta:", final["list"] - before["list"] < 100)
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
