from collections import Counter

tokens = [f"tok{i % 20000}" for i in range(1000000)]
counts = Counter(tokens)
print(counts.most_common(3))
del tokens
counts.clear()
