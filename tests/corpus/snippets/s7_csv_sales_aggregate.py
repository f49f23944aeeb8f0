import csv
import io

regions = ["north", "south", "east", "west"]
products = ["widget", "gadget", "doohickey", "gizmo", "thingamajig"]
buf = io.StringIO()
writer = csv.writer(buf)
writer.writerow(["order_id", "region", "product", "qty", "price"])
for i in range(50000):
    writer.writerow([i, regions[i % 4], products[(i * 3) % 5], 1 + i % 9, f"{(i % 100) * 1.25:.2f}"])
text = buf.getvalue()
print("csv chars:", len(text))

rows = list(csv.DictReader(io.StringIO(text)))
print(len(rows), rows[0])

totals = {}
for row in rows:
    key = (row["region"], row["product"])
    bucket = totals.setdefault(key, {"orders": 0, "revenue": 0.0})
    bucket["orders"] += 1
    bucket["revenue"] += int(row["qty"]) * float(row["price"])

best = max(totals.items(), key=lambda kv: kv[1]["revenue"])
print(best[0], round(best[1]["revenue"], 2))
for region in regions:
    rev = sum(v["revenue"] for (r, p), v in totals.items() if r == region)
    print(f"{region:>6}: {rev:12,.2f}")
del rows
del text
