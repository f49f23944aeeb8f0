class Node:
    __slots__ = ("value", "children", "parent")
    def __init__(self, value, parent=None):
        self.value = value
        self.children = []
        self.parent = parent
        if parent is not None:
            parent.children.append(self)

def build(depth, fanout, parent=None):
    node = Node(depth, parent)
    if depth > 0:
        for _ in range(fanout):
            build(depth - 1, fanout, node)
    return node

root = build(7, 5)
def count(n):
    return 1 + sum(count(c) for c in n.children)
print("nodes:", count(root))
import gc
del root
print("collected", gc.collect())
