import gc

def load_batch(n):
    return [{"row": i, "text": "payload-" + str(i) * 3} for i in range(n)]

totals = []
for batch_no in range(20):
    batch = load_batch(5000)
    totals.append(sum(len(r["text"]) for r in batch))
    del batch
print(len(totals), totals[:3])

cache = {i: list(range(50)) for i in range(20000)}
for key in list(cache):
    if key % 3:
        del cache[key]
print(len(cache), gc.collect())

items = list(range(100000))
for i in range(len(items) - 1, -1, -1):
    if items[i] % 7 == 0:
        del items[i]
print(len(items), items[:8])
del items[::2]
print(len(items))
try:
    del batch
except NameError as e:
    print(e)
