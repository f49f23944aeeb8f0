import itertools, collections

def chunks(it, n):
    it = iter(it)
    while True:
        batch = list(itertools.islice(it, n))
        if not batch:
            return
        yield batch

counts = collections.Counter()
for batch in chunks(range(300000), 1000):
    for x in batch:
        counts[x % 97] += 1
print(counts.most_common(3))
words = ("alpha beta gamma delta " * 50000).split()
index = {}
for pos, w in enumerate(words):
    index.setdefault(w, []).append(pos)
print({k: len(v) for k, v in index.items()})
del words, index
