import sys
from dataclasses import dataclass, field
from typing import Optional

@dataclass
class Node:
    key: str
    children: dict = field(default_factory=dict)
    value: Optional[int] = None

class Trie:
    def __init__(self):
        self.root = Node("")
        self.size = 0
    def insert(self, word: str, value: int) -> None:
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, Node(ch))
        if node.value is None:
            self.size += 1
        node.value = value
    def find(self, word):
        node = self.root
        for ch in word:
            node = node.children.get(ch)
            if node is None:
                return None
        return node.value

t = Trie()
for i in range(50000):
    t.insert(f"key{i:06d}", i)
print(t.size, t.find("key012345"), t.find("nope"))
print(sys.getsizeof(t.root), sys.getsizeof(t.root.children))
del t
import gc
print(gc.collect())
