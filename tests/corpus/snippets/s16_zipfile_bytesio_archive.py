import io
import zipfile

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    for i in range(200):
        content = "\n".join(f"{i},{j},{j * i}" for j in range(1000))
        zf.writestr(f"part_{i:03d}.csv", content)
print("archive bytes:", buf.tell())

buf.seek(0)
with zipfile.ZipFile(buf) as zf:
    names = zf.namelist()
    sizes = [zf.getinfo(n).file_size for n in names]
    first = zf.read(names[0]).decode()
print(len(names), sum(sizes), first[:10])

buf.seek(0)
rows = 0
with zipfile.ZipFile(buf) as zf:
    for name in zf.namelist():
        with zf.open(name) as f:
            for line in f:
                rows += 1
print(rows)

data = buf.getvalue()
print(len(data) < sum(sizes))
del data, buf, first
print("closed")
