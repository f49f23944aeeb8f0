# title: Rows of tuples from a "query", half of them dropped
#
# Held-out (issue 9): what a script reading a table might do. 200,000 rows
# of (int, str, float), every second row deleted, a pause, then the rest.
import time

rows = [(i, "name-%d" % i, i * 0.5) for i in range(200000)]
del rows[::2]
time.sleep(1)
total = sum(r[2] for r in rows)
del rows
