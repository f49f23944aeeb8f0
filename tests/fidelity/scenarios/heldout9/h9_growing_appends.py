# title: A list grown by append, cleared, grown again
#
# Held-out (issue 9): strings of a few dozen bytes appended one by one
# (list_resize over and over), cleared, and a second smaller round.
out = []
for i in range(250000):
    out.append(str(i) * 4)
out.clear()
for i in range(50000):
    out.append("x%d" % i)
del out
