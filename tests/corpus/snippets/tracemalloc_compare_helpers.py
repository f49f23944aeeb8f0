import tracemalloc

tracemalloc.start(5)


def parse(lines):
    rows = []
    for line in lines:
        parts = line.split(",")
        rows.append((parts[0], int(parts[1])))
    return rows


def index_by_name(rows):
    return {name: value for name, value in rows}


text = [f"item{i},{i * 3}" for i in range(20000)]
before = tracemalloc.take_snapshot()
rows = parse(text)
index = index_by_name(rows)
after = tracemalloc.take_snapshot()
for stat in after.compare_to(before, "lineno")[:5]:
    print(stat)
current, peak = tracemalloc.get_traced_memory()
print(f"current={current / 1024:.0f} KiB peak={peak / 1024:.0f} KiB")
