from collections import Counter
import random

random.seed(1)
vocab = [f"w{i}" for i in range(5000)]
text = " ".join(random.choice(vocab) for _ in range(200000))
words = text.split()
print(len(words))

seen = dict.fromkeys(words)
print("unique via fromkeys:", len(seen))

positions = {}
for i, w in enumerate(words):
    positions.setdefault(w, []).append(i)
print(len(positions), len(positions["w0"]))

counts = Counter(words)
print(counts.most_common(3))

zeros = dict.fromkeys(vocab, 0)
for w in words[:50000]:
    zeros[w] += 1
print(max(zeros.values()))

shared = dict.fromkeys(range(1000), [])
shared[0].append(1)
print(len(shared[999]))

del words, positions, text
counts.clear()
print(len(seen))
del seen, zeros
