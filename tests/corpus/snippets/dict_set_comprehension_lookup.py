words = [f"word{i % 20_000}" for i in range(120_000)]

unique = {w for w in words}
lengths = {w: len(w) for w in unique}
inverse = {v: k for k, v in lengths.items()}
print(len(unique), len(lengths), len(inverse))

seen = dict.fromkeys(words)
print(len(seen), list(seen)[:3])

index = {w: i for i, w in enumerate(words)}
evens = {w for w, i in index.items() if i % 2 == 0}
print(len(index), len(evens))

pairs = {(a, b) for a in range(300) for b in range(300) if (a + b) % 3 == 0}
print(len(pairs))

del words, seen
lookups = sum(1 for i in range(0, 40_000, 3) if f"word{i}" in unique)
print(lookups)
