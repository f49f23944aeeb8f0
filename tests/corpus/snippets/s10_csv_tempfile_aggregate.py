import csv
import os
import tempfile
from collections import defaultdict

fd, path = tempfile.mkstemp(suffix=".csv")
with os.fdopen(fd, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["date", "region", "product", "qty", "price"])
    for i in range(50000):
        w.writerow([f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}", ["north", "south", "east"][i % 3], f"p{i % 40}", i % 9 + 1, f"{(i % 500) / 10:.2f}"])

totals = defaultdict(float)
per_month = defaultdict(lambda: defaultdict(int))
with open(path, newline="") as f:
    reader = csv.DictReader(f)
    for row in reader:
        amount = int(row["qty"]) * float(row["price"])
        totals[row["region"]] += amount
        per_month[row["date"][:7]][row["product"]] += int(row["qty"])
print({k: round(v, 2) for k, v in sorted(totals.items())})
print(len(per_month), max(per_month["2024-03"].items(), key=lambda kv: kv[1]))
print(os.path.getsize(path) > 1000000)
os.remove(path)
del per_month
