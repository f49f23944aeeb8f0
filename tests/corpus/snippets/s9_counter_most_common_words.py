import heapq
import re
from collections import Counter

words = "the quick brown fox jumps over the lazy dog while memory stays high after del".split()
text = " ".join(words[(i * 7) % len(words)] + ("s" if i % 13 == 0 else "") for i in range(200000))
tokens = re.findall(r"[a-z]+", text)
counts = Counter(tokens)
print(len(tokens), len(counts))
print(counts.most_common(5))
print(heapq.nlargest(3, counts.items(), key=lambda kv: kv[1]))
print(heapq.nsmallest(3, counts, key=counts.get))
bigrams = Counter(zip(tokens, tokens[1:]))
print(bigrams.most_common(2))
first_half = Counter(tokens[: len(tokens) // 2])
second_half = Counter(tokens[len(tokens) // 2:])
diff = second_half - first_half
print(sorted(diff.items())[:3], (first_half + second_half) == counts)
counts.subtract({"the": 1000})
print(counts["the"], counts["missing"], sum(counts.values()))
print(counts.total(), list(counts.elements())[:2])
del tokens, text, bigrams
print(Counter("mississippi").most_common(2))
