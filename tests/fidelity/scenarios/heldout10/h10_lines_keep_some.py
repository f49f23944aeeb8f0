# title: Split a big text into lines, keep every 100th line
#
# Held-out (issue 9): reading a log into memory, filtering, and dropping the
# rest: the kept lines are scattered over the pymalloc arenas of the whole.
text = "\n".join("2026-12-06 12:00:%02d INFO request %d done in %d ms" % (i % 60, i, i % 997) for i in range(300000))
lines = text.split("\n")
del text
errors = [ln for ln in lines if ln.endswith("7 ms")]
sample = lines[::100]
del lines
del errors
