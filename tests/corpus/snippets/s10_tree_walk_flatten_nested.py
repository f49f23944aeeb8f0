import random

random.seed(3)

def make_tree(depth):
    if depth == 0:
        return random.randint(0, 100)
    return [make_tree(depth - 1) for _ in range(random.randint(1, 4))]

tree = [make_tree(7) for _ in range(20)]

def flatten(node):
    if isinstance(node, list):
        for child in node:
            yield from flatten(child)
    else:
        yield node

def flatten_list(node, out):
    if isinstance(node, list):
        for child in node:
            flatten_list(child, out)
    else:
        out.append(node)
    return out

flat = list(flatten(tree))
flat2 = flatten_list(tree, [])
print(len(flat), flat == flat2, sum(flat))

def depth(node):
    if not isinstance(node, list):
        return 0
    return 1 + max((depth(c) for c in node), default=0)

def count_nodes(node):
    return 1 + sum(count_nodes(c) for c in node) if isinstance(node, list) else 1

print(depth(tree), count_nodes(tree))
del tree
print(len(flat2))
del flat, flat2
