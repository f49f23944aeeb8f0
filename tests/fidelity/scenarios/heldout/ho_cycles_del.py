# title: Parent/child cycles with __del__, collected by gc
import gc

freed = []


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        self.data = [0] * 20
        if parent is not None:
            parent.children.append(self)

    def __del__(self):
        freed.append(1)


gc.disable()
roots = []
for i in range(20000):
    root = Node()
    for j in range(4):
        Node(root)
    roots.append(root)
del root
roots = None
n = gc.collect()
gc.enable()
count = len(freed)
del freed[:]
