import sys


def build(depth, width):
    if depth == 0:
        return list(range(width))
    return [build(depth - 1, width) for _ in range(width)]


def flatten(node):
    """Recursive flatten that returns a new list at every level."""
    if not isinstance(node, list):
        return [node]
    out = []
    for child in node:
        out.extend(flatten(child))
    return out


def flatten_gen(node):
    if isinstance(node, list):
        for child in node:
            yield from flatten_gen(child)
    else:
        yield node


def depth_of(node):
    return 1 + max((depth_of(c) for c in node if isinstance(c, list)), default=0)


tree = build(4, 14)
print("depth", depth_of(tree), "recursion limit", sys.getrecursionlimit())

flat = flatten(tree)
print("flat items", len(flat), "sum", sum(flat))

total = sum(flatten_gen(tree))
print("generator sum", total)

chain = []
for i in range(300):
    chain = [chain, i]
print("deep chain depth", depth_of(chain))
del tree, flat
print("deep flatten", len(flatten(chain)))
del chain
