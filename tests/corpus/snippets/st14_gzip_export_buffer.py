import gzip
import io
import os
import tempfile

# exporting rows as gzip: in memory first, then to a file, and reading one back whole
rows = [f"{i},sensor-{i % 40},{i * 0.25:.2f}\n".encode() for i in range(40000)]
print(len(rows), sum(map(len, rows)))

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
    for row in rows:
        gz.write(row)
blob = buf.getvalue()
print(len(blob), blob[:4])

del rows
restored = gzip.decompress(blob)
print(len(restored), restored.count(b"\n"))

path = os.path.join(tempfile.mkdtemp(), "export.csv.gz")
with gzip.open(path, "wb", compresslevel=6) as out:
    out.write(restored)
print(os.path.getsize(path) < len(restored))

with open(path, "rb") as f:
    again = gzip.decompress(f.read())
print(again == restored)
del restored, again, blob, buf
