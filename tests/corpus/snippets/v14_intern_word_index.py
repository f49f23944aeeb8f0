import sys

words = [f"w{i % 5000}x" for i in range(200000)]
interned = [sys.intern(w) for w in words]
print(len(set(map(id, interned))))
index = {}
for pos, w in enumerate(interned):
    index.setdefault(w, []).append(pos)
print(len(index), len(index["w42x"]))
del words
del interned
print(sum(map(len, index.values())))
index.clear()
