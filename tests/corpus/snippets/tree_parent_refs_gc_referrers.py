import gc, sys, os, resource
from collections import Counter

class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

def build(n):
    root = Node("root")
    for i in range(n):
        c = Node(f"n{i}")
        c.parent = root
        root.children.append(c)
    return root

def rss_kb():
    with open(f"/proc/{os.getpid()}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])

before = rss_kb()
tree = build(200_000)
print("built", len(tree.children), rss_kb() - before > 10_000)
counts = Counter(type(o).__name__ for o in gc.get_objects())
print(counts["Node"], counts.most_common(1)[0][0])
refs = gc.get_referrers(tree.children[0])
print(len(refs), type(refs[0]).__name__)
del tree
print("collected", gc.collect() > 0)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0)
try:
    import psutil
except ImportError as e:
    print("no psutil:", e)
print(sys.getsizeof(Node("x")), sys.getsizeof(Node("x").__dict__))
