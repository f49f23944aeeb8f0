from collections import namedtuple

Row = namedtuple("Row", ["id", "name", "value"])
rows = [Row(i, "n%d" % i, i * 0.1) for i in range(300000)]
total = sum(r.value for r in rows)
as_dicts = [r._asdict() for r in rows[:50000]]
print(round(total), len(as_dicts))
del rows, as_dicts
