import csv
import io

lines = ["id,region,amount,qty"]
for i in range(60000):
    lines.append(f"{i},{['north', 'south', 'east', 'west'][i % 4]},{i * 1.25:.2f},{i % 17}")
text = "\n".join(lines)
del lines

reader = csv.DictReader(io.StringIO(text))
records = []
for row in reader:
    row["amount"] = float(row["amount"])
    row["qty"] = int(row["qty"])
    records.append(row)
print("rows:", len(records), "fields:", reader.fieldnames)

totals = {}
for r in records:
    totals[r["region"]] = totals.get(r["region"], 0.0) + r["amount"] * r["qty"]
print({k: round(v) for k, v in sorted(totals.items())})
del text
del records
print("done")
