import re
from collections import Counter

LINE = re.compile(r"(?P<ip>\d+\.\d+\.\d+\.\d+) - (?P<user>\w+) \[(?P<status>\d{3})\] (?P<path>/\S*)")
lines = [f"10.0.{i % 256}.{i % 97} - user{i % 300} [{200 + (i % 5) * 100}] /api/v1/items/{i % 1000}" for i in range(50000)]
print(lines[12])
matches = [LINE.match(s) for s in lines]
status = Counter(m["status"] for m in matches)
print(status.most_common(3))
paths = Counter(m.group("path") for m in matches if m["status"] == "500")
print(len(paths), paths.most_common(1))
del matches
users = {m.group("user") for m in map(LINE.match, lines)}
print(len(users))
del lines
