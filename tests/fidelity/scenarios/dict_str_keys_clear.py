# title: Growing a str-keyed dict, then clear()
#
# A dict with str keys uses the compact "unicode" key table. Filled one key
# at a time it resizes at 2/3 full, each time allocating a table twice as
# big and freeing the old one: the small tables live in pymalloc, the middle
# ones on the glibc heap, the last ones in their own mappings. clear()
# drops the table at once (back to the shared empty keys); the strings and
# ints go back to pymalloc.
d = {}
for i in range(200000):
    d[str(i)] = i
n = len(d.keys())
d.clear()
del d
