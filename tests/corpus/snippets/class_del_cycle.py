import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.parent = None
        self.children = []

    def add(self, child):
        child.parent = self
        self.children.append(child)

    def __del__(self):
        pass


root = Node(0)
for i in range(50000):
    root.add(Node(i))

root = None
print("unreachable:", gc.collect())
