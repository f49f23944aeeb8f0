def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]

text = "lorem ipsum dolor sit amet " * 40000
words = text.split()
print(len(words))
counts = {}
for chunk in chunks(words, 1000):
    for w in chunk:
        counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
joined = "-".join(words)
print(len(joined))
del words, joined
upper = text.upper()
del text
print(upper[:20])
