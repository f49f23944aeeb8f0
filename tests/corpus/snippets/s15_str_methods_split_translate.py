import string

text = " ".join(f"Word{i}, thing-{i % 97}; Other.{i % 13}!" for i in range(40000))
print(len(text))

table = str.maketrans("", "", string.punctuation)
clean = text.translate(table).lower()
print(clean[:60])
words = clean.split()
print(len(words), words[:4])

pairs = [w.partition("thing") for w in words[:20000]]
print(pairs[1], sum(1 for p in pairs if p[1]))
del pairs
swap = str.maketrans({"a": "4", "e": "3", "o": "0"})
leet = [w.translate(swap) for w in words if w.startswith("o")]
print(len(leet), leet[0])
print(text.rpartition(";")[2][:20], text.count("Word1"), text.find("thing-50"))
heads = [w.removeprefix("word") for w in words if w.startswith("word")]
print(heads[:3], "  padded ".strip().center(12, "*"))
del words, leet, heads
del text, clean
