import sys

raw = [("status_" + str(i % 20), "region_" + str(i % 8)) for i in range(100000)]
print(raw[0][0] is raw[20][0])
interned = [(sys.intern(a), sys.intern(b)) for a, b in raw]
print(interned[0][0] is interned[20][0])
del raw
distinct = {id(a) for a, _ in interned}
print(len(distinct))
counts = {}
for a, b in interned:
    counts[a] = counts.get(a, 0) + 1
print(len(counts), counts["status_3"])
del interned
print(sys.getsizeof("status_3"))
