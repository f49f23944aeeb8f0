import string

table = str.maketrans({c: " " for c in string.punctuation})
vowels = str.maketrans("aeiou", "AEIOU", "xyz")
text = "Hello, world! This: is (a) test; of #translate... " * 4000
clean = text.translate(table)
print(len(text), len(clean), clean[:30])
words = clean.split()
print(len(words), words[:5])
shout = [w.translate(vowels) for w in words]
print(shout[:6])
freq = {}
for w in words:
    freq[w.lower()] = freq.get(w.lower(), 0) + 1
print(sorted(freq.items())[:3])
del text, clean, words
print(len(shout))
del shout
