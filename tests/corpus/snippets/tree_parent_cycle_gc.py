import gc


class Node:
    def __init__(self, value, parent=None):
        self.value = value
        self.parent = parent
        self.children = []

    def add(self, value):
        child = Node(value, self)
        self.children.append(child)
        return child


def build(depth, fanout):
    root = Node(0)
    level = [root]
    for d in range(depth):
        nxt = []
        for n in level:
            for k in range(fanout):
                nxt.append(n.add(d * fanout + k))
        level = nxt
    return root


tree = build(7, 4)
print(len(tree.children), gc.get_count())
del tree
print("unreachable:", gc.collect())
