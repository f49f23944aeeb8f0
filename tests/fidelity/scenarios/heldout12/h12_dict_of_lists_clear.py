# title: A dict of growing lists, then clear()
#
# Held-out (issue 9): group-by into a dict of lists, then clear the dict and
# build a smaller one.
groups = {}
for i in range(300000):
    groups.setdefault(i % 1000, []).append(i * 7)
biggest = max(len(v) for v in groups.values())
groups.clear()
small = {k: [k] * 10 for k in range(100)}
del small
