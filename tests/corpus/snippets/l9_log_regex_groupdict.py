import re
from collections import Counter, defaultdict
lines = []
for i in range(20000):
    lvl = ["INFO", "WARN", "ERROR"][i % 3]
    lines.append(f"2024-01-{i%28+1:02d} 12:{i%60:02d}:00 {lvl} user={i%97} path=/api/v1/item/{i} took={i%500}ms")
pat = re.compile(r"(?P<date>\S+) (?P<time>\S+) (?P<lvl>\w+) user=(?P<user>\d+) path=(?P<path>\S+) took=(?P<ms>\d+)ms")
by_level = Counter()
slow = defaultdict(list)
for line in lines:
    m = pat.match(line)
    if not m:
        continue
    d = m.groupdict()
    by_level[d["lvl"]] += 1
    if int(d["ms"]) > 450:
        slow[d["user"]].append(d["path"])
print(by_level.most_common())
print(len(slow), sum(map(len, slow.values())))
print(sorted(slow.items(), key=lambda kv: -len(kv[1]))[:2][0][0])
del lines
