import random

random.seed(5)


def make(depth):
    if depth == 0:
        return random.choice([1, 2.5, "leaf", None, True])
    kind = random.random()
    if kind < 0.5:
        return {f"k{i}": make(depth - 1) for i in range(random.randint(1, 4))}
    return [make(depth - 1) for _ in range(random.randint(1, 4))]


def walk(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, path + (i,))
    else:
        yield path, node


def depth(node):
    if isinstance(node, dict):
        return 1 + max((depth(v) for v in node.values()), default=0)
    if isinstance(node, list):
        return 1 + max((depth(v) for v in node), default=0)
    return 0


tree = [make(8) for _ in range(6)]
leaves = list(walk(tree))
print("leaves:", len(leaves), "depth:", depth(tree))
types = {}
for _, v in leaves:
    types[type(v).__name__] = types.get(type(v).__name__, 0) + 1
print(sorted(types.items()))
print(max(leaves, key=lambda p: len(p[0]))[0])
del leaves, tree
print("done")
