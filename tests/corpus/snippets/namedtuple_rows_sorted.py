import sys
from collections import namedtuple

Row = namedtuple("Row", "id name score")

def load(n):
    rows = []
    for i in range(n):
        rows.append(Row(i, f"user{i:06d}", i * 0.5))
    return rows

rows = load(200_000)
print(len(rows), sys.getsizeof(rows))
by_name = {r.name: r for r in rows}
top = sorted(rows, key=lambda r: -r.score)[:10]
print([r.name for r in top][:3])
del rows
del by_name
print(top[0])
