from collections import Counter, defaultdict
import random

random.seed(12)
paths = ["/", "/login", "/api/items", "/api/users", "/static/app.js", "/search"]
log = [
    f"192.168.{random.randint(0, 20)}.{random.randint(1, 254)} - - [10/Oct/2024:13:{i % 60:02d}:00] "
    f"\"GET {random.choice(paths)}?q={i} HTTP/1.1\" {random.choice([200, 200, 200, 404, 500])} {random.randint(100, 9000)}"
    for i in range(50000)
]
print(log[0])

status = Counter()
bytes_by_path = defaultdict(int)
ips = defaultdict(list)
for line in log:
    ip, _, rest = line.partition(" - - ")
    request = rest.split('"')[1]
    code, size = rest.rsplit(" ", 2)[-2:]
    path = request.split()[1].split("?")[0]
    status[code] += 1
    bytes_by_path[path] += int(size)
    ips[ip].append(path)

print(status.most_common(), max(bytes_by_path, key=bytes_by_path.get))
print(len(ips), max(len(v) for v in ips.values()))
del log
top = sorted(ips.items(), key=lambda kv: len(kv[1]), reverse=True)[:3]
print([(ip, len(p)) for ip, p in top])
ips.clear()
del bytes_by_path, top
