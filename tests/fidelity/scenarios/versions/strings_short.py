# title: 600,000 short strings, ASCII and not
#
# Issue 8's strings case. str(i) makes a compact ASCII string: on 3.11 its
# header is 48 bytes (PyASCIIObject with the wstr pointer), on 3.12 and 3.13
# it is 40 (PEP 623 removed wstr), so each one lands in a pymalloc class 8
# bytes smaller, and 600,000 of them need fewer pools and arenas. The non-ASCII
# names are PyCompactUnicodeObjects (72 bytes of header on 3.11, 56 on 3.12+).
# join() builds one 4 MB string (mmapped), split() a new list of new strings.
words = [str(i) for i in range(600000)]
names = ["é" + str(i) for i in range(200000)]
joined = ",".join(words)
parts = joined.split(",")
del words
del names
del parts
del joined
