import math

rows = []
for i in range(1, 20001):
    rows.append((f"item-{i}", i * 1.0375, i % 7 == 0, i * 1024))

lines = []
for name, price, flag, size in rows:
    lines.append(f"{name:<12}|{price:>12,.3f}|{flag!s:^7}|{size:>10_d}|{size / 2**20:8.2%}|{size:#x}")
print(lines[0])
print(lines[-1])
print(f"{math.pi:+.5e} {12345678:,} {0.5:.0%} {42:08b} {'mid':*^11}")
w = 10
prec = 3
print(f"{math.e:{w}.{prec}f}|{'left':{'<'}{w}}|")
print(f"{len(lines)=} {rows[3][1]=:.2f}")
report = "\n".join(lines)
print(len(report))
print(format(1234.5, ",.1f"), format(255, "X"), "{:>6}".format("ab"), "%5.1f%%" % 99.44)
del rows, lines
