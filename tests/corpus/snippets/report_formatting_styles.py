rows = [(f"product-{i}", i * 3.75, i % 17, "yes" if i % 3 else "no") for i in range(20_000)]

lines = []
lines.append("%-14s %10s %6s %5s" % ("name", "price", "qty", "ok"))
for name, price, qty, ok in rows:
    lines.append("%-14s %10.2f %6d %5s" % (name, price, qty, ok))
report_percent = "\n".join(lines)

fmt = "{:<14} {:>10,.2f} {:^6} {}"
report_format = "\n".join(fmt.format(*r) for r in rows)

report_fstring = "\n".join(f"{n:<14}|{p:>12,.3f}|{q:03d}|{ok!r:>6}" for n, p, q, ok in rows)

total = sum(p * q for _, p, q, _ in rows)
summary = f"{'TOTAL':=^40}\n{total:>40,.2f}\n{len(rows):>40_}"
print(summary)
print(report_fstring.splitlines()[1])
print("Done".center(20, "*"), "x".ljust(5, "."), "y".rjust(5, "."), str(42).zfill(6))

del lines, report_percent, report_format
print(len(report_fstring))
