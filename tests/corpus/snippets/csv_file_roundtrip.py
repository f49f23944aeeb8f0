import csv
import os
import tempfile

fd, path = tempfile.mkstemp(suffix=".csv")
with os.fdopen(fd, "w") as f:
    w = csv.writer(f)
    w.writerow(["id", "name", "score"])
    for i in range(60000):
        w.writerow([i, f"name{i}", i % 100])

with open(path) as f:
    rows = list(csv.DictReader(f))
print(len(rows), rows[0])
del rows
os.unlink(path)
