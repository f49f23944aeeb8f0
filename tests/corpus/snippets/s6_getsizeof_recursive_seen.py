import sys


def total_size(obj, seen=None):
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(total_size(k, seen) + total_size(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        size += sum(total_size(x, seen) for x in obj)
    elif hasattr(obj, "__dict__"):
        size += total_size(vars(obj), seen)
    return size


class Node:
    def __init__(self, name, children=()):
        self.name = name
        self.children = list(children)


tree = Node("root", [Node(f"n{i}", [Node(f"leaf{i}-{j}") for j in range(5)]) for i in range(3000)])
data = {"ints": list(range(10000)), "strs": [str(i) * 3 for i in range(10000)], "tree": tree}
print("shallow", sys.getsizeof(data))
print("deep ints", total_size(data["ints"]))
print("deep strs", total_size(data["strs"]))
print("deep tree", total_size(tree))
print("deep all", total_size(data))
shared = [data["strs"]] * 100
print("shared", total_size(shared))
del data, tree, shared
