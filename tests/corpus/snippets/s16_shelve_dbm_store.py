import shelve
import dbm
import tempfile
import os

d = tempfile.mkdtemp()
path = os.path.join(d, "store")

with shelve.open(path) as db:
    for i in range(5000):
        db[f"user:{i}"] = {"name": f"user {i}", "scores": list(range(i % 50))}
print("written")

with shelve.open(path, flag="r") as db:
    keys = list(db.keys())
    total = sum(len(db[k]["scores"]) for k in keys[:2000])
print(len(keys), total)

with dbm.open(os.path.join(d, "raw"), "c") as raw:
    for i in range(10000):
        raw[f"k{i}".encode()] = b"v" * 100
    print(len(raw[b"k5"]))

with shelve.open(path, writeback=True) as db:
    cached = [db[f"user:{i}"] for i in range(3000)]
    for c in cached:
        c["scores"].append(-1)
print(len(cached))
del cached, keys

for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
print("cleaned")
