import gzip
import os
import tempfile

# a day of access logs written compressed, then scanned line by line for errors:
# does iterating a gzip file keep the whole thing in memory?
path = os.path.join(tempfile.mkdtemp(), "access.log.gz")
with gzip.open(path, "wt") as out:
    for i in range(60000):
        status = 500 if i % 97 == 0 else 200
        out.write(f"10.0.{i % 256}.{i % 200} - - [07/Dec/2026:10:{i % 60:02d}:00] \"GET /item/{i} HTTP/1.1\" {status} {i % 5000}\n")
print(os.path.getsize(path))

errors = []
count = 0
with gzip.open(path, "rt") as f:
    for line in f:
        count += 1
        if '" 500 ' in line:
            errors.append(line.rstrip("\n"))
print(count, len(errors), errors[0][:30])

with gzip.open(path, "rb") as f:
    raw = f.read()
print(len(raw), raw.count(b"\n"))

del raw
lines = gzip.open(path, "rt").readlines()
print(len(lines), sum(map(len, lines)))
del lines, errors
