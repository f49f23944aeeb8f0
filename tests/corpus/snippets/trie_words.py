import random
import string

random.seed(7)

def make_word(n):
    return "".join(random.choice(string.ascii_lowercase) for _ in range(n))

words = [make_word(random.randint(3, 9)) for _ in range(40000)]

trie = {}
for w in words:
    node = trie
    for ch in w:
        node = node.setdefault(ch, {})
    node["$"] = True

def count_nodes(t):
    total = 1
    for k, v in t.items():
        if k != "$":
            total += count_nodes(v)
    return total

print("nodes:", count_nodes(trie))
del trie
print("words kept:", len(words))
