import re
from collections import Counter
text = """The quick brown fox jumps over the lazy dog. """ * 20000
words = re.findall(r"[a-z]+", text.lower())
c = Counter(words)
print(c.most_common(3), len(words))
pat = re.compile(r"(?P<w>\b\w{5}\b)")
n = sum(1 for _ in pat.finditer(text))
print(n)
swapped = pat.sub(lambda m: m.group("w").upper(), text[:200])
print(swapped[:60])
lines = text.split(". ")
print(len(lines), max(map(len, lines)))
table = str.maketrans("aeiou", "AEIOU")
print(text[:44].translate(table))
del text, words, lines
print(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:2])
