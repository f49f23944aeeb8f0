import csv
import io

out = io.StringIO()
writer = csv.writer(out)
writer.writerow(["id", "city", "amount"])
for i in range(50000):
    writer.writerow([i, ["Oslo", "Lima", "Pune", "Kyiv"][i % 4], f"{i * 1.25:.2f}"])

text = out.getvalue()
print(len(text), "characters of CSV")

by_city = {}
for row in csv.DictReader(io.StringIO(text)):
    by_city.setdefault(row["city"], []).append(float(row["amount"]))
print({k: round(sum(v)) for k, v in by_city.items()})
del text, out
