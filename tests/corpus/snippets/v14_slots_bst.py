import random


class Node:
    __slots__ = ("key", "left", "right")

    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


def insert(root, key):
    if root is None:
        return Node(key)
    node = root
    while True:
        if key < node.key:
            if node.left is None:
                node.left = Node(key)
                return root
            node = node.left
        else:
            if node.right is None:
                node.right = Node(key)
                return root
            node = node.right


def depth(node):
    if node is None:
        return 0
    return 1 + max(depth(node.left), depth(node.right))


random.seed(7)
root = None
for k in random.sample(range(1000000), 50000):
    root = insert(root, k)
print(depth(root))
keys = []
stack = [root]
while stack:
    n = stack.pop()
    if n:
        keys.append(n.key)
        stack.append(n.left)
        stack.append(n.right)
print(len(keys))
del root, n
print(len(stack))
