import re
from collections import Counter, defaultdict

LINE = re.compile(
    r'(?P<ip>\d+\.\d+\.\d+\.\d+) - - \[(?P<ts>[^\]]+)\] '
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/1\.[01]" (?P<status>\d{3}) (?P<size>\d+|-)'
)

paths = ["/", "/index.html", "/api/users", "/api/orders", "/static/app.js", "/login"]
methods = ["GET", "GET", "GET", "POST"]
log = []
for i in range(40_000):
    ip = f"10.0.{i % 256}.{(i * 7) % 256}"
    status = 200 if i % 13 else (404 if i % 2 else 500)
    size = "-" if status != 200 else str(100 + (i * 37) % 5000)
    log.append(
        f'{ip} - - [06/Dec/2026:03:{i % 60:02d}:{i % 59:02d} +0000] '
        f'"{methods[i % 4]} {paths[i % 6]} HTTP/1.1" {status} {size}'
    )

by_status = Counter()
bytes_by_path = defaultdict(int)
bad = 0
for line in log:
    m = LINE.match(line)
    if not m:
        bad += 1
        continue
    rec = m.groupdict()
    by_status[rec["status"]] += 1
    if rec["size"] != "-":
        bytes_by_path[rec["path"]] += int(rec["size"])

print(by_status.most_common())
for path, total in sorted(bytes_by_path.items(), key=lambda kv: -kv[1]):
    print(f"{path:<16}{total:>12,}")
print("unparsed:", bad)

del log
