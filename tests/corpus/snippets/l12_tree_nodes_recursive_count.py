class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []

def build(depth, width):
    if depth == 0:
        return Node(0)
    return Node(depth, [build(depth - 1, width) for _ in range(width)])

def count(n):
    return 1 + sum(count(c) for c in n.children)

root = build(7, 5)
print(count(root))
try:
    raise ValueError("bad value %d" % count(root))
except ValueError as e:
    msg = str(e)
print(msg)
del root
import gc
print(gc.collect())
