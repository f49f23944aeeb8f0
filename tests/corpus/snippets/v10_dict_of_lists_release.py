import gc

index = {}
for i in range(300000):
    index.setdefault(i % 1000, []).append(str(i))
print(len(index), len(index[999]))
sizes = sorted(len(v) for v in index.values())
print(sizes[0], sizes[-1])
for key in list(index):
    if key % 2:
        del index[key]
print(len(index))
gc.collect()
index.clear()
print(len(index))
index = None
big = {i: i * 2 for i in range(200000)}
print(len(big))
del big
