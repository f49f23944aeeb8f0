import unicodedata

names = ["Ren\u00e9e", "Rene\u0301e", "Zo\u00eb", "Zoe\u0308", "Fran\u00e7ois", "Se\u00f1or", "Stra\u00dfe"]
print([len(n) for n in names])
nfc = [unicodedata.normalize("NFC", n) for n in names]
print(nfc[0] == nfc[1], nfc[2] == nfc[3])
def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
print([strip_accents(n) for n in names])
print(unicodedata.name("\u00e9"), unicodedata.category("A"))
people = [names[i % len(names)] + str(i) for i in range(40000)]
folded = [strip_accents(p).casefold() for p in people]
print(len(set(folded)), folded[6])
del people
print(len(folded))
del folded
