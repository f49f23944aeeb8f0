import re
log = "\n".join(f"2024-01-{i%28+1:02d} 12:{i%60:02d}:00 ERROR code={i%17} user=u{i%300}" for i in range(40000))
pat = re.compile(r"code=(\d+) user=(\w+)")
by_code = {}
for m in pat.finditer(log):
    by_code.setdefault(int(m.group(1)), set()).add(m.group(2))
print(sorted((k, len(v)) for k, v in by_code.items())[:4])
lines = log.splitlines()
print(len(lines), lines[-1])
del log, lines
