import json, re
from collections import Counter, defaultdict
lines = []
for i in range(100000):
    lines.append(f'127.0.0.{i % 255} - - [10/Oct/2024:13:{i % 60:02d}:{i % 60:02d} +0000] "GET /api/items/{i % 500}?page={i % 7} HTTP/1.1" {200 if i % 13 else 500} {i % 4096}')
pat = re.compile(r'^(\S+) .* "(\w+) ([^ ?]+)\S* HTTP/[\d.]+" (\d{3}) (\d+)$')
status = Counter()
by_path = defaultdict(list)
for line in lines:
    m = pat.match(line)
    if not m:
        continue
    ip, method, path, code, size = m.groups()
    status[code] += 1
    by_path[path].append(int(size))
print(status.most_common(2), len(by_path))
summary = {p: {"n": len(v), "avg": sum(v) / len(v)} for p, v in by_path.items()}
blob = json.dumps(summary)
print(len(blob))
del lines
back = json.loads(blob)
print(len(back), back["/api/items/7"])
