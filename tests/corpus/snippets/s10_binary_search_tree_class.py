import random


class Node:
    __slots__ = ("key", "value", "left", "right")

    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.left = None
        self.right = None


class BST:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key, value):
        if self.root is None:
            self.root = Node(key, value)
            self.size += 1
            return
        cur = self.root
        while True:
            if key == cur.key:
                cur.value = value
                return
            side = "left" if key < cur.key else "right"
            nxt = getattr(cur, side)
            if nxt is None:
                setattr(cur, side, Node(key, value))
                self.size += 1
                return
            cur = nxt

    def inorder(self, node):
        if node is not None:
            yield from self.inorder(node.left)
            yield node.key
            yield from self.inorder(node.right)

    def height(self, node):
        return 0 if node is None else 1 + max(self.height(node.left), self.height(node.right))


random.seed(4)
tree = BST()
for k in random.sample(range(1000000), 30000):
    tree.insert(k, str(k))
keys = list(tree.inorder(tree.root))
print(tree.size, keys == sorted(keys), tree.height(tree.root) < 60, keys[:3])
tree.root = None
print(len(keys))
del tree, keys
