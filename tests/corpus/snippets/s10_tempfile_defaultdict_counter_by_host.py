import tempfile
from collections import defaultdict, Counter

tmp = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
hosts = ["alpha", "beta", "gamma", "delta", "eps"]
for i in range(80000):
    host = hosts[i % 5]
    status = (200, 404, 500, 301)[i % 7 % 4]
    tmp.write(f"{host} GET /item/{i % 997} {status} {i % 1500}\n")
tmp.flush()
tmp.seek(0)

by_host = defaultdict(Counter)
bytes_by_host = defaultdict(list)
for line in tmp:
    host, method, path, status, size = line.split()
    by_host[host][status] += 1
    bytes_by_host[host].append(int(size))
tmp.close()

for host in sorted(by_host):
    c = by_host[host]
    print(f"{host:>6}: {dict(sorted(c.items()))} avg={sum(bytes_by_host[host]) / len(bytes_by_host[host]):.1f}")

total = sum(by_host.values(), Counter())
print(total.most_common(2))
del bytes_by_host
import os
os.unlink(tmp.name)
print(os.path.exists(tmp.name))
