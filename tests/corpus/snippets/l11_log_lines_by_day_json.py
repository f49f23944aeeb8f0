import json, re
from collections import defaultdict, Counter

log_lines = [f"2024-01-{d:02d} 12:{m:02d}:00 GET /api/item/{i} 200 {i*37 % 1000}ms"
             for d in range(1, 29) for m in range(60) for i in range(5)]
pat = re.compile(r"(\S+) (\S+) (GET|POST) (\S+) (\d+) (\d+)ms")
by_day = defaultdict(list)
for line in log_lines:
    m = pat.match(line)
    if m:
        by_day[m.group(1)].append(int(m.group(6)))
stats = {day: {"n": len(v), "avg": sum(v) / len(v), "max": max(v)} for day, v in by_day.items()}
blob = json.dumps(stats, indent=2)
print(len(blob), Counter(len(v) for v in by_day.values()).most_common(2))
del log_lines, by_day
back = json.loads(blob)
print(sorted(back)[:3], back["2024-01-01"]["max"])
