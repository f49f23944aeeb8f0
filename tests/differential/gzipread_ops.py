# gzip read and text mode (GzipFile over BytesIO and files, gzip.open 'rb'/'rt'/'wt', csv/json over them), zlib max_length.
import csv, gzip, io, json, os, tempfile
lines = [f"{i},sensor-{i % 40},{i * 0.25:.2f}\n" for i in range(30000)]
blob = gzip.compress("".join(lines).encode(), mtime=0)
print(len(blob))
with gzip.GzipFile(fileobj=io.BytesIO(blob)) as g:
    data = g.read()
print(len(data), data[:20])
with gzip.GzipFile(fileobj=io.BytesIO(blob)) as g:
    n = 0
    total = 0
    for line in g:
        n += 1
        total += len(line)
    print(n, total, g.tell())
with gzip.GzipFile(fileobj=io.BytesIO(blob)) as g:
    print(g.read(10), g.read1(5), len(g.read(100000)), g.readline(), len(g.peek(3)))
path = os.path.join(tempfile.mkdtemp(), "t.gz")
with gzip.open(path, "wt") as f:
    for l in lines:
        f.write(l)
print(os.path.getsize(path))
with gzip.open(path, "rt") as f:
    first = f.readline()
    rest = f.readlines()
print(first, len(rest), rest[-1])
with gzip.open(path, "rt", encoding="utf-8") as f:
    text = f.read()
print(len(text), text.count("\n"))
with gzip.open(path) as f:
    print(f.mtime, len(f.read()), f.mtime > 0)
try:
    gzip.GzipFile(fileobj=io.BytesIO(b"nope")).read()
except gzip.BadGzipFile as e:
    print("bad", e)
try:
    gzip.GzipFile(fileobj=io.BytesIO(blob[:-20])).read()
except EOFError as e:
    print("eof", e)
d = tempfile.mkdtemp()
p = os.path.join(d, "rows.csv.gz")
with gzip.open(p, "wt", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "name", "score"])
    for i in range(5000):
        w.writerow([i, f"n{i}", i / 3])
with gzip.open(p, "rt", newline="") as f:
    rows = list(csv.DictReader(f))
print(len(rows), rows[10])
j = os.path.join(d, "x.json.gz")
with gzip.open(j, "wt", encoding="utf-8") as f:
    json.dump({"k": list(range(1000)), "s": "é" * 5000}, f)
with gzip.open(j, "rt", encoding="utf-8") as f:
    obj = json.load(f)
print(len(obj["k"]), len(obj["s"]))
n = 0
for line in gzip.open(p):
    n += 1
print(n)
g = gzip.open(p, "rb")
print(g.seek(100), g.read(12), g.tell())
g.close()
print(repr(gzip.open(p, "rt").read(20)))
import zlib
z = zlib.compress(bytes(range(256)) * 400, 6)
d = zlib.decompressobj()
print(len(d.decompress(z, 1000)), len(d.unconsumed_tail), d.eof, len(d.decompress(d.unconsumed_tail)), d.eof, d.unconsumed_tail)
try:
    d.decompress(b"x", -1)
except ValueError as e:
    print("ValueError:", e)
