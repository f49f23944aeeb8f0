import sys

sys.setrecursionlimit(5000)


def build(depth, fanout):
    """A nested dict tree: every node has a label and children."""
    if depth == 0:
        return {"label": "leaf", "children": []}
    return {"label": f"node{depth}", "children": [build(depth - 1, fanout) for _ in range(fanout)]}


def count(node):
    return 1 + sum(count(c) for c in node["children"])


def depth_of(node):
    if not node["children"]:
        return 1
    return 1 + max(depth_of(c) for c in node["children"])


def chain(n):
    return None if n == 0 else [n, chain(n - 1)]


tree = build(8, 4)
print(count(tree), depth_of(tree))

linked = chain(3000)
print(linked[0])

del tree
print("tree gone")
