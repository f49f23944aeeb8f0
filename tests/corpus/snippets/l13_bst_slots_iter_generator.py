class Node:
    __slots__ = ("key", "left", "right")
    def __init__(self, key):
        self.key = key
        self.left = self.right = None

class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key):
        if self.root is None:
            self.root = Node(key); self.size += 1; return
        n = self.root
        while True:
            if key < n.key:
                if n.left is None:
                    n.left = Node(key); break
                n = n.left
            elif key > n.key:
                if n.right is None:
                    n.right = Node(key); break
                n = n.right
            else:
                return
        self.size += 1
    def __iter__(self):
        stack, n = [], self.root
        while stack or n:
            while n:
                stack.append(n); n = n.left
            n = stack.pop()
            yield n.key
            n = n.right
    def __len__(self):
        return self.size
    def __repr__(self):
        return f"<BST size={self.size}>"

import random
random.seed(42)
t = BST()
for _ in range(150_000):
    t.insert(random.randrange(10**9))
print(t, len(t))
it = iter(t)
print([next(it) for _ in range(5)])
total = sum(1 for _ in t)
print(total == len(t))
del t, it
import gc
print(gc.collect())
