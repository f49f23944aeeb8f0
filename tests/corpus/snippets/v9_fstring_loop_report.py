rows = []
for i in range(60000):
    name = f"user_{i}"
    score = (i * 37) % 1001 / 10
    rows.append(f"{name:<12}|{score:>8.2f}|{i:06d}|{'ok' if score > 50 else 'low'}")
print(rows[0])
print(rows[-1])
report = "\n".join(rows)
print(len(report))
del rows
lines = []
for n, line in enumerate(report.splitlines()):
    if n % 1000 == 0:
        lines.append(f"{n=} {line!r}")
print(len(lines), lines[1])
total = sum(len(f"{x:x}") for x in range(100000))
print(total)
del report
