from collections import defaultdict

def tree():
    return defaultdict(tree)

root = tree()
for i in range(20000):
    root[f"a{i % 10}"][f"b{i % 100}"][f"c{i}"] = i
print(len(root), len(root["a3"]), len(root["a3"]["b3"]))

def to_dict(t):
    return {k: to_dict(v) if isinstance(v, defaultdict) else v for k, v in t.items()}
plain = to_dict(root)
print(type(plain["a1"]).__name__, plain["a1"]["b1"]["c1"])
def count_leaves(d):
    return sum(count_leaves(v) if isinstance(v, dict) else 1 for v in d.values())
print(count_leaves(plain))
del root
print(len(plain))
del plain
