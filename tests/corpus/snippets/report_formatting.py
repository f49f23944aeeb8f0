sales = [(f"region-{i % 12}", i % 97, (i * 7919) % 10007 / 3.0) for i in range(60000)]

totals = {}
for region, qty, amount in sales:
    t = totals.setdefault(region, [0, 0.0])
    t[0] += qty
    t[1] += amount

lines = []
lines.append(f"{'Region':<12}|{'Qty':>10}|{'Amount':>15}")
lines.append("-" * 39)
for region in sorted(totals):
    qty, amount = totals[region]
    lines.append(f"{region:<12}|{qty:>10,}|{amount:>15,.2f}")
lines.append("%-12s|%10d|%15.2f" % ("TOTAL", sum(q for q, _ in totals.values()), sum(a for _, a in totals.values())))
report = "\n".join(lines)
print(report)

csv_lines = ["{0},{1},{2:.3f}".format(*s) for s in sales]
print(len(csv_lines), csv_lines[-1].zfill(30), "x".center(9, "*"))
del csv_lines
del sales
