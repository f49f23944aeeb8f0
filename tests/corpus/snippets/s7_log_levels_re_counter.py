import re
from collections import Counter

LEVELS = ["INFO", "DEBUG", "WARNING", "ERROR", "CRITICAL"]
lines = []
for i in range(40000):
    level = LEVELS[(i * 13) % 5 if i % 9 else 3]
    lines.append(f"2024-03-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d} "
                 f"[{level}] worker-{i % 8}: request {i} took {(i * 37) % 900} ms")

pattern = re.compile(r"^(\S+) (\d\d):\d\d:\d\d \[(\w+)\] (worker-\d+): .* took (\d+) ms$")
by_level = Counter()
by_hour = Counter()
slow = []
for line in lines:
    m = pattern.match(line)
    if not m:
        continue
    day, hour, level, worker, ms = m.groups()
    by_level[level] += 1
    by_hour[int(hour)] += 1
    if int(ms) > 850:
        slow.append((worker, int(ms)))

print(by_level.most_common(3))
print(sorted(by_hour.items())[:5])
print(len(slow), slow[:3])
errors = Counter(w for w, ms in slow)
print(errors.most_common(2), sum(errors.values()))
total = by_level + Counter({"ERROR": 1})
print(total["ERROR"] - by_level["ERROR"])
del lines
