import re
from collections import Counter
from operator import itemgetter
import statistics

words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split()
lines = []
for i in range(60_000):
    n = 5 + i % 11
    lines.append(" ".join(words[(i * 7 + k) % len(words)] for k in range(n)) + f" #{i}")
text = "\n".join(lines)
print(len(text))

tokens = re.findall(r"[a-z]+", text)
freq = Counter(tokens)
top = sorted(freq.items(), key=itemgetter(1), reverse=True)[:5]
print(top)
lengths = [len(l) for l in lines]
print(round(statistics.mean(lengths), 2), statistics.median(lengths), max(lengths))
del tokens, lines
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
print(sorted(by_len.items())[:3])
del text
print(freq.most_common(2))
