import csv
import io
import random

random.seed(11)
rows = [
    {"order_id": i, "customer": f"cust{i % 700}", "amount": round(random.uniform(1, 500), 2), "country": random.choice(["DE", "FR", "US", "JP"])}
    for i in range(30000)
]

buf = io.StringIO()
writer = csv.DictWriter(buf, fieldnames=["order_id", "customer", "amount", "country"])
writer.writeheader()
writer.writerows(rows)
text = buf.getvalue()
print(len(text), text.splitlines()[1])
del rows

reader = csv.DictReader(io.StringIO(text))
totals = {}
for row in reader:
    totals[row["country"]] = totals.get(row["country"], 0.0) + float(row["amount"])
print({k: round(v, 2) for k, v in sorted(totals.items())})

records = list(csv.DictReader(io.StringIO(text)))
print(len(records), records[-1])
by_customer = {}
for r in records:
    by_customer.setdefault(r["customer"], []).append(r)
print(len(by_customer), max(len(v) for v in by_customer.values()))
del records, by_customer
buf.close()
del text
