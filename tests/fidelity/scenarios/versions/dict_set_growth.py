# title: Dicts and sets growing one key at a time
#
# Issue 8's dict/set case. A dict grows by insertion: each resize allocates a
# new keys table (dictresize; the table doubles with usable = 2/3 of the
# slots) and frees the old one, so the heap sees a staircase of ever larger
# tables, the big ones mmapped. A set grows by set_table_resize (x4 while
# small, then x2). clear() frees the big tables at once.
d = {}
for i in range(300000):
    d[i] = i

s = set()
for i in range(300000):
    s.add(str(i))

d.clear()
s.clear()
del d, s
