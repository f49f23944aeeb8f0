import json


def make_tree(depth, width):
    if depth == 0:
        return {"leaf": True, "value": "x" * 10}
    return {"children": [make_tree(depth - 1, width) for _ in range(width)]}


def count_leaves(node):
    if "leaf" in node:
        return 1
    return sum(count_leaves(c) for c in node["children"])


tree = make_tree(7, 6)
text = json.dumps(tree)
copy = json.loads(text)
print(count_leaves(copy), len(text))
del tree, text, copy
