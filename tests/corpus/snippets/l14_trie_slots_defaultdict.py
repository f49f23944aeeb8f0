import sys
from collections import defaultdict

class Node:
    __slots__ = ("key", "children", "weight")
    def __init__(self, key):
        self.key = key
        self.children = {}
        self.weight = 0

def build(words):
    root = Node("")
    for w in words:
        n = root
        for ch in w:
            nxt = n.children.get(ch)
            if nxt is None:
                nxt = n.children[ch] = Node(ch)
            n = nxt
        n.weight += 1
    return root

words = [f"w{i*7919 % 100003:05d}" for i in range(60000)]
trie = build(words)
def count(n):
    return 1 + sum(count(c) for c in n.children.values())
print("nodes", count(trie))
del trie
index = defaultdict(list)
for i, w in enumerate(words):
    index[w[:3]].append(i)
print(len(index), sys.getsizeof(index))
del index, words
