import sys

seen = set()
for i in range(250000):
    seen.add(i * 7)
print(len(seen), sys.getsizeof(seen))
for i in range(0, 250000, 2):
    seen.discard(i * 7)
print(len(seen), sys.getsizeof(seen))
words = {f"w{i}" for i in range(100000)}
both = words | {f"w{i}" for i in range(50000, 150000)}
print(len(both))
small = frozenset(list(both)[:10])
del seen, words, both
print(len(small))
