import string
from collections import Counter

TEXT = """It is a truth universally acknowledged, that a single man in possession of a
good fortune, must be in want of a wife. However little known the feelings or views
of such a man may be on his first entering a neighbourhood, this truth is so well
fixed in the minds of the surrounding families, that he is considered as the rightful
property of some one or other of their daughters. STRASSE Straße straße!"""

strip_punct = str.maketrans("", "", string.punctuation)
to_vowels = str.maketrans("aeiou", "AEIOU")

book = (TEXT + "\n") * 3000
words = book.translate(strip_punct).casefold().split()
counts = Counter(words)
print(len(words), "words,", len(counts), "distinct")
print(counts.most_common(6))
print("strasse:", counts["strasse"])

shouty = TEXT.translate(to_vowels)
print(shouty[:60])
lines = [line.strip().title() for line in book.splitlines() if line.strip()]
print(len(lines), lines[0][:40])
print(" ".join(w.capitalize() for w in "the end of it".split()))
del book, words, lines
