import sys
import random

random.seed(7)
hosts = [f"host-{i:03d}.example.com" for i in range(50)]
levels = ["INFO", "WARN", "ERROR", "DEBUG"]
lines = [f"{random.choice(hosts)} {random.choice(levels)} request took {random.randint(1, 900)}ms"
         for _ in range(100000)]

plain = []
for line in lines:
    host, level, *_ = line.split()
    plain.append((host, level))

interned = []
for line in lines:
    host, level, *_ = line.split()
    interned.append((sys.intern(host), sys.intern(level)))

print(len({id(h) for h, _ in plain}), "distinct host objects without intern")
print(len({id(h) for h, _ in interned}), "with intern")
del plain
