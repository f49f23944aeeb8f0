# title: Word counts in a dict, then the rare words removed
#
# Held-out (issue 9): counting 300,000 "words" (made up from numbers) in a
# dict, removing those seen once, then deleting the dict.
counts = {}
for i in range(300000):
    w = "w" + str((i * 7919) % 120000)
    counts[w] = counts.get(w, 0) + 1
for w in [w for w, c in counts.items() if c == 1]:
    del counts[w]
size = len(counts)
del counts
