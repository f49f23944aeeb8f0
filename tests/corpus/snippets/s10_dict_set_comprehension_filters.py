records = [(f"user{i}", i % 97, i * 3 % 1000) for i in range(150000)]

active = {name: score for name, group, score in records if group % 2 == 0 and score > 500}
groups = {group for _, group, _ in records if group > 50}
squares = {n: n * n for n in range(50000) if n % 3}
inverted = {v: k for k, v in squares.items() if v % 10 == 1}
print(len(active), len(groups), len(squares), len(inverted))

by_group = {g: [name for name, gg, _ in records if gg == g] for g in range(3)}
print({k: len(v) for k, v in by_group.items()})
nested = {(a, b): a * b for a in range(300) for b in range(300) if (a + b) % 5 == 0}
print(len(nested), nested[(5, 10)])
words = {w.lower() for w in "The the THE quick Quick brown fox".split()}
print(sorted(words))
del records, nested
print(len(active))
del active, squares, inverted
