import re
log = "\n".join(f"2024-01-{d:02d} ERROR code={d * 7} user=u{d}" if d % 3 == 0 else f"2024-01-{d:02d} INFO ok" for d in range(1, 29)) * 3000
errors = re.findall(r"code=(\d+) user=(\w+)", log)
print(len(errors), errors[:2])
pat = re.compile(r"^(\S+) (\w+)", re.M)
levels = {}
for m in pat.finditer(log):
    levels[m.group(2)] = levels.get(m.group(2), 0) + 1
print(levels)
cleaned = re.sub(r"user=\w+", "user=*", log)
del log
print(len(cleaned))
