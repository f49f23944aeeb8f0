# title: Counting words in a dict, then deleting half of them
counts = {}
for i in range(400000):
    word = "w" + str(i % 120000)
    counts[word] = counts.get(word, 0) + 1

rare = [w for w, c in counts.items() if c < 4]
for w in rare:
    del counts[w]
seen = set()
for i in range(250000):
    seen.add(i * 3)
seen.discard(0)
del rare
counts = {}
seen = set()
