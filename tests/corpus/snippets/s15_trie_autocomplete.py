import random
import string

random.seed(7)
words = ["".join(random.choices(string.ascii_lowercase[:8], k=random.randint(3, 9))) for _ in range(40000)]

trie = {}
for w in words:
    node = trie
    for ch in w:
        node = node.setdefault(ch, {})
    node["$"] = node.get("$", 0) + 1


def count_nodes(node):
    total = 1
    for key, child in node.items():
        if key != "$":
            total += count_nodes(child)
    return total


def complete(prefix, limit=5):
    node = trie
    for ch in prefix:
        if ch not in node:
            return []
        node = node[ch]
    out = []
    stack = [(node, prefix)]
    while stack and len(out) < limit:
        cur, path = stack.pop()
        if "$" in cur:
            out.append(path)
        for ch in sorted((c for c in cur if c != "$"), reverse=True):
            stack.append((cur[ch], path + ch))
    return out


print("nodes:", count_nodes(trie))
print(complete("abc"), complete("hh"))
del words
print(len(trie))
trie = None
