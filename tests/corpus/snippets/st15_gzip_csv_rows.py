import csv
import gzip
import os
import tempfile

# exporting a table as .csv.gz and loading it back with DictReader: the dicts are what stays
path = os.path.join(tempfile.mkdtemp(), "scores.csv.gz")
with gzip.open(path, "wt", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["id", "name", "city", "score"])
    for i in range(25000):
        writer.writerow([i, f"name{i}", ["Oslo", "Lima", "Pune", "Kyiv"][i % 4], round(i / 7, 3)])
print(os.path.getsize(path))

with gzip.open(path, "rt", newline="") as f:
    rows = list(csv.DictReader(f))
print(len(rows), rows[-1]["city"])

by_city = {}
for row in rows:
    by_city.setdefault(row["city"], []).append(float(row["score"]))
print({k: len(v) for k, v in by_city.items()})

del rows
with gzip.open(path, "rt", newline="") as f:
    total = sum(float(r["score"]) for r in csv.DictReader(f))
print(round(total, 2))
