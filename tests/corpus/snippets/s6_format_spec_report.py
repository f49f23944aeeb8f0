import math

rows = [(f"item-{i}", i * 1234.5678, i % 255, i / 7) for i in range(40000)]
header = "{:<12}|{:>14}|{:>6}|{:>6}|{:>10}".format("name", "amount", "hex", "bin", "ratio")
print(header)
print("-" * len(header))
out = []
for name, amount, code, ratio in rows:
    out.append("{:<12}|{:>14,.2f}|{:>#6x}|{:>06b}|{:>10.3e}".format(name, amount, code, code & 63, ratio))
print(out[1])
print(out[-1])
print("{0!r:^20}|{1:+d}|{2:%}|{3:_}".format("centre", 42, 0.125, 10**9))
print("{:=+10.2f}|{:*^9}|{:.3s}".format(-math.pi, "mid", "truncate"))
point = {"x": 3, "y": 4}
print("({x}, {y}) -> {d:.4f}".format(**point, d=math.hypot(point["x"], point["y"])))
print("{items[0]} and {items[2]}".format(items=["a", "b", "c"]))
print(format(1234567.891, ",.1f"), format(255, "08b"), format(0.5, ".0%"))
report = "\n".join(out)
print(len(report))
del out, rows
