from collections import Counter

text_a = ("the quick brown fox jumps over the lazy dog " * 20_000).split()
text_b = ("the lazy dog sleeps while the quick cat watches the fox " * 15_000).split()

counts = Counter()
for i in range(0, len(text_a), 5000):
    counts.update(text_a[i:i + 5000])
print(counts.most_common(3))

other = Counter(text_b)
combined = counts + other
difference = counts - other
print(combined["the"], dict(difference))

counts.subtract(other)
print(counts["cat"], sum(counts.values()))

letters = Counter("".join(text_a[:50_000]))
print(letters.most_common(5), letters.total())
del text_a, text_b
