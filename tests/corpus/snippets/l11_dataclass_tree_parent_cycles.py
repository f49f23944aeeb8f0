import sys
from dataclasses import dataclass, field
from typing import Optional

@dataclass
class Node:
    key: str
    value: int
    children: list["Node"] = field(default_factory=list)
    parent: Optional["Node"] = None

def build(depth: int, fanout: int, parent=None) -> Node:
    n = Node(f"n{depth}-{id(parent) % 97}", depth, parent=parent)
    if depth > 0:
        for _ in range(fanout):
            n.children.append(build(depth - 1, fanout, n))
    return n

root = build(6, 6)
def count(n): return 1 + sum(count(c) for c in n.children)
print("nodes:", count(root))
print("size of one:", sys.getsizeof(root), sys.getsizeof(root.__dict__))
del root
import gc
print("collected", gc.collect())
