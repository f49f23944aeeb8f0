from datetime import datetime, timedelta
from collections import defaultdict

lines = []
start = datetime(2024, 3, 1, 0, 0, 0)
for i in range(30000):
    t = start + timedelta(seconds=i * 37)
    lines.append(f"{t.strftime('%Y-%m-%d %H:%M:%S')} GET /api/items/{i % 500} {200 if i % 17 else 500}")
print(len(lines), lines[0])

parsed = []
for line in lines:
    date_part = line[:19]
    ts = datetime.strptime(date_part, "%Y-%m-%d %H:%M:%S")
    parsed.append((ts, line.rsplit(" ", 1)[1]))
print(parsed[-1][0].isoformat())

per_hour = defaultdict(int)
for ts, status in parsed:
    per_hour[ts.replace(minute=0, second=0)] += 1
print(len(per_hour), max(per_hour.values()))

errors = [ts for ts, status in parsed if status == "500"]
gaps = [(b - a).total_seconds() for a, b in zip(errors, errors[1:])]
print(len(errors), min(gaps))

del lines, parsed
print(sorted(per_hour)[0])
del errors, gaps, per_hour
