import sys
from collections import namedtuple, defaultdict
import statistics

Row = namedtuple("Row", "city temp day")

def parse(lines):
    for line in lines:
        city, temp, day = line.split(",")
        yield Row(city, float(temp), int(day))

lines = [f"city{i % 37},{(i * 7919) % 400 / 10:.1f},{i % 365}" for i in range(200_000)]
by_city = defaultdict(list)
for r in parse(lines):
    by_city[r.city].append(r.temp)

summary = {c: (round(statistics.mean(v), 2), max(v), min(v)) for c, v in sorted(by_city.items())}
for c in list(summary)[:3]:
    print(c, summary[c])
print(len(lines), sys.getsizeof(lines), sys.getsizeof(by_city))
del lines
print("median of medians", statistics.median(statistics.median(v) for v in by_city.values()))
by_city.clear()
