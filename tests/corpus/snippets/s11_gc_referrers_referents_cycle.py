import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child

root = Node("root")
for i in range(2000):
    c = root.add(Node(f"n{i}"))
    c.add(Node(f"leaf{i}"))

leaf = root.children[10].children[0]
refs = gc.get_referrers(leaf)
print(len(refs), [type(r).__name__ for r in refs])
print([type(r).__name__ for r in gc.get_referents(leaf)])
print(gc.is_tracked(leaf), gc.is_tracked(42), gc.is_tracked([]), gc.is_tracked({"a": 1}))

del c, leaf, refs
del root
found = gc.collect()
print(found > 0, found)
print(gc.get_count()[0] < 700, gc.get_threshold())
print(len(gc.garbage))
