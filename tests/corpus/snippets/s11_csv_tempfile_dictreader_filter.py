import csv
import tempfile

FIELDS = ["order_id", "customer", "amount", "status"]

with tempfile.NamedTemporaryFile("w+", newline="", suffix=".csv") as tmp:
    writer = csv.DictWriter(tmp, fieldnames=FIELDS)
    writer.writeheader()
    for i in range(30000):
        writer.writerow({
            "order_id": i,
            "customer": f"c{i % 997}",
            "amount": f"{(i * 37) % 5000 / 100:.2f}",
            "status": "paid" if i % 3 else "refunded",
        })
    tmp.flush()
    tmp.seek(0)
    reader = csv.DictReader(tmp)
    paid = [row for row in reader if row["status"] == "paid"]
    print(reader.fieldnames, reader.line_num)

print(len(paid), paid[0])
big = [r for r in paid if float(r["amount"]) > 40]
print(len(big), sum(float(r["amount"]) for r in big))
customers = {r["customer"] for r in paid}
print(len(customers))
del paid, big
print(sorted(customers)[:5])
