import csv, os, tempfile
path = os.path.join(tempfile.gettempdir(), "hw_people.csv")
with open(path, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["id", "name", "score"])
    w.writeheader()
    for i in range(40000):
        w.writerow({"id": i, "name": f"user{i}", "score": (i * 37) % 101})
with open(path, newline="") as f:
    rows = list(csv.DictReader(f))
print(len(rows), rows[5])
best = max(rows, key=lambda r: int(r["score"]))
print(best["name"], os.path.getsize(path))
with open(path) as f:
    lines = f.readlines()
print(len(lines), lines[1].rstrip())
os.remove(path)
del rows, lines
