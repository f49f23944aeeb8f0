import csv
import io

FIELDS = ["id", "name", "city", "note", "amount"]

rows = [
    {
        "id": i,
        "name": f"Customer {i}",
        "city": ["Oslo", "Lima", "Pune", "Kyiv"][i % 4],
        "note": 'said "hi, there"' if i % 5 == 0 else "",
        "amount": round(i * 1.25, 2),
    }
    for i in range(25_000)
]

out = io.StringIO()
writer = csv.DictWriter(out, fieldnames=FIELDS, quoting=csv.QUOTE_MINIMAL)
writer.writeheader()
writer.writerows(rows)
text = out.getvalue()
print("csv chars:", len(text))
del rows

reader = csv.DictReader(io.StringIO(text))
total = 0.0
quoted = 0
per_city = {}
for row in reader:
    total += float(row["amount"])
    if row["note"]:
        quoted += 1
    per_city[row["city"]] = per_city.get(row["city"], 0) + 1

print(f"total {total:.2f}; with notes {quoted}; cities {per_city}")
out.close()
del text
