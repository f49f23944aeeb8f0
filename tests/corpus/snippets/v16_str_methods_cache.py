# Build many small strings with str methods, keep a normalised cache, then drop it.
words = []
for i in range(120000):
    w = f"Item-{i:06d}-{'xyz' * (i % 4)}"
    words.append(w.lower().replace("-", "_"))
print(len(words), words[5])
cache = {w: w.upper() for w in words[::3]}
print(len(cache))
title = " ".join(words[:2000]).title()
print(len(title))
del words
parts = title.split(" ")
print(len(parts), parts[-1])
del cache, title
joined = ",".join(p.strip("_") for p in parts)
print(len(joined))
del parts, joined
