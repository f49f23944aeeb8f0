from datetime import date, timedelta

rows = [(f"item-{i}", i * 1.37, date(2024, 1, 1) + timedelta(days=i % 365), i % 3 == 0) for i in range(40000)]
header = f"{'name':<12}|{'price':>10}|{'date':^12}|{'flag':>5}"
lines = [header, "-" * len(header)]
for name, price, day, flag in rows:
    lines.append(f"{name:<12}|{price:>10,.2f}|{day:%Y-%m-%d}|{flag!s:>5}")
print("\n".join(lines[:4]))

report = "\n".join(lines)
print(len(report), report.count("True"))

hexes = [f"{i:#06x} {i:>08b} {i:+d} {i / 3:.3e} {i:_}" for i in range(0, 100000, 7)]
print(hexes[3], f"{len(hexes)=}")
del rows, lines, report, hexes
print(f"{'done':*^20}")
