# unicodedata as python3.11 answers it (Unicode 14.0.0): properties, names, numeric values,
# the four normalization forms and is_normalized, and the errors
import unicodedata as ud

chars = ["a", "Z", "é", "ß", "ǅ", "Ⅻ", "½", "٣", "௰", "ﬁ", "Å", "Ω", "가", "각", "ᄀ", "一", "𠀀", "豈",
         "\u0301", "\u0f73", "\u00a0", "\u200d", "€", "😀", "\U0001d15e", "ｶ", "\u0378", "\ue000", "\U000e0001",
         "(", ")", "«", "\u2028", "\U00018b00", "\U0001b170", "\U00017000"]
for c in chars:
    print(f"U+{ord(c):04X}", ud.category(c), repr(ud.bidirectional(c)), ud.combining(c), ud.east_asian_width(c),
          ud.mirrored(c), repr(ud.decomposition(c)), ud.name(c, None), ud.decimal(c, None), ud.digit(c, None),
          ud.numeric(c, None))
texts = ["Café déjà vu", "ﬁancée ½", "Ångström", "e\u0301\u0323", "\u1e9b\u0323", "가각\u1100\u1161\u11a8", "ＡＢＣ①",
         "x\u0327\u0301\u0308", "\u0f71\u0f72\u0f74", "abc", "", "\U0001d15e\U0001d165", "ﾊﾟ", "\u212b\u2126"]
for t in texts:
    print([ud.normalize(f, t) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          [ud.is_normalized(f, t) for f in ("NFC", "NFD", "NFKC", "NFKD")])
for n in ["LATIN SMALL LETTER A", "latin small letter e with acute", "HANGUL SYLLABLE GAG", "CJK UNIFIED IDEOGRAPH-4E00",
          "SNOWMAN", "GRINNING FACE", "NUSHU CHARACTER-1B170", "cjk compatibility ideograph-f900"]:
    print(n, repr(ud.lookup(n)))
print(ud.unidata_version, ud.name("\u0000", "none"), ud.numeric("a", -1.5), ud.decimal("x", "d"))
for expr in ["ud.lookup('NO SUCH NAME')", "ud.lookup('TANGUT IDEOGRAPH-17000')", "ud.lookup('hangul syllable gag')", "ud.lookup('CJK UNIFIED IDEOGRAPH-4e00')", "ud.name('\\u0378')", "ud.decimal('a')", "ud.digit('½')", "ud.numeric('a')",
             "ud.category('ab')", "ud.category(5)", "ud.normalize('NFX', 'a')", "ud.normalize('NFC', 5)",
             "ud.normalize('NFC')", "ud.name()"]:
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "->", f"{type(e).__name__}: {e}")
