import csv
import io

src = io.StringIO()
w = csv.writer(src)
w.writerow(["date", "region", "product", "units", "price"])
for i in range(40000):
    w.writerow([f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", ["north", "south", "east", "west"][i % 4],
                f"prod-{i % 37}", i % 9 + 1, f"{(i % 50) + 0.5:.2f}"])
text = src.getvalue()
print(len(text), text[:60].splitlines()[0])

rows = list(csv.DictReader(io.StringIO(text)))
print(len(rows), rows[0])
revenue = {}
for row in rows:
    key = (row["region"], row["date"][:7])
    revenue[key] = revenue.get(key, 0.0) + int(row["units"]) * float(row["price"])
print(len(revenue), round(revenue[("north", "2024-01")], 2))
top = sorted(revenue.items(), key=lambda kv: -kv[1])[:3]
for (region, month), amount in top:
    print(f"{region:>6} {month} {amount:10.2f}")
reader = csv.DictReader(io.StringIO("a;b\n1;2\n3\n"), delimiter=";", restval="?")
print([dict(r) for r in reader])
del rows, text
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["region", "month", "amount"])
dw.writeheader()
for (region, month), amount in sorted(revenue.items())[:3]:
    dw.writerow({"region": region, "month": month, "amount": round(amount, 2)})
print(out.getvalue())
