import csv
import io
from collections import defaultdict

regions = ["north", "south", "east", "west"]
buf = io.StringIO()
writer = csv.writer(buf)
writer.writerow(["order_id", "region", "product", "qty", "unit_price"])
for i in range(80000):
    writer.writerow([i, regions[i % 4], f"prod,{i % 37}", 1 + i % 9, f"{(i % 113) * 1.25:.2f}"])
text = buf.getvalue()
print(len(text), text.splitlines()[1])

totals = defaultdict(float)
qty_by_product = defaultdict(int)
for row in csv.DictReader(io.StringIO(text)):
    amount = int(row["qty"]) * float(row["unit_price"])
    totals[row["region"]] += amount
    qty_by_product[row["product"]] += int(row["qty"])

report = io.StringIO()
w = csv.DictWriter(report, fieldnames=["region", "total"], lineterminator="\n")
w.writeheader()
for region, total in sorted(totals.items(), key=lambda kv: -kv[1]):
    w.writerow({"region": region, "total": f"{total:,.2f}"})
print(report.getvalue())
top = sorted(qty_by_product.items(), key=lambda kv: kv[1], reverse=True)[:3]
print(top)
print(f"{'region':<8}{'total':>16}")
for region, total in totals.items():
    print(f"{region:<8}{total:>16,.2f}")
del text, buf
