import random
import re
from collections import Counter

random.seed(7)
vocab = ["the", "memory", "is", "not", "released", "after", "del", "python", "heap", "rss", "free", "list"]
text = " ".join(random.choice(vocab) + ("." if random.random() < 0.05 else "") for _ in range(200000))
print("chars:", len(text))

words = re.findall(r"[a-z]+", text.lower())
counts = Counter(words)
print(counts.most_common(5))

bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(3))

counts.subtract(Counter(vocab * 1000))
print("negative:", sorted(k for k, v in counts.items() if v < 0))
top = counts + Counter()
print(len(top), sum(top.values()))
del text, words, bigrams
print(counts.total())
