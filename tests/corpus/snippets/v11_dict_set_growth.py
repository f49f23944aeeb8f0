seen = set()
index = {}
for i in range(120000):
    key = f"k{i % 90000}"
    if key not in seen:
        seen.add(key)
        index[key] = i
print(len(seen), len(index))
for k in list(index)[:80000]:
    del index[k]
print(len(index))
seen.clear()
print(len(seen))
small = dict(index)
print(len(small))
del index
del seen
