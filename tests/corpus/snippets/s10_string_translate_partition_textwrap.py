import string
import textwrap

raw = []
for i in range(30000):
    raw.append(f"  Key{i % 300}  =  Value, with; punctuation! #{i}  \n")

table = str.maketrans("", "", string.punctuation)
clean = {}
for line in raw:
    key, sep, value = line.strip().partition("=")
    if not sep:
        continue
    clean.setdefault(key.strip().lower(), []).append(value.translate(table).split())
print(len(clean), clean["key7"][0])

upper = str.maketrans({"a": "4", "e": "3", "o": "0"})
print("hello memory".translate(upper))
text = " ".join(w for words in clean["key1"][:40] for w in words)
print(textwrap.fill(text, width=60)[:130])
wrapped = textwrap.wrap(text * 20, width=72)
print(len(wrapped), max(len(w) for w in wrapped))
print(textwrap.shorten(text, width=40, placeholder=" [...]"))
head, _, tail = "a.b.c.d".rpartition(".")
print(head, tail, "x,y,,z".split(","), " a  b ".split())
del raw, wrapped
