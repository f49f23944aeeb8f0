import re
from collections import Counter

base = (
    "Memory that stays high after del is usually memory that is still reachable, "
    "or memory the allocator keeps for reuse. Arenas, pools, and free lists all "
    "hold on to pages; the kernel only sees what is returned. "
)
text = "\n".join(f"{i}: " + base * (1 + i % 3) for i in range(4000))
print(len(text))

words = re.findall(r"[a-z]+", text.lower())
counts = Counter(words)
print(len(words), len(counts), counts.most_common(4))
lengths = Counter(len(w) for w in words)
print(sorted(lengths.items())[:5])
sentences = [s.strip() for s in re.split(r"[.;]\s*", text) if s.strip()]
print(len(sentences), sentences[1][:30])
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(1))
capitalized = sum(1 for w in text.split() if w[:1].isupper())
print(capitalized, text.count("\n"), text.splitlines()[2][:12])
del words, bigrams, sentences
print(counts["memory"])
