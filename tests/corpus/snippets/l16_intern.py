import sys
keys = [("user_" + str(i % 5000)) for i in range(200_000)]
print(len(set(map(id, keys))))
interned = [sys.intern(k) for k in keys]
print(len(set(map(id, interned))))
del keys
counts = {}
for k in interned:
    counts[k] = counts.get(k, 0) + 1
print(len(counts), counts["user_42"])
del interned
print(sys.getsizeof(counts) > 100_000)
