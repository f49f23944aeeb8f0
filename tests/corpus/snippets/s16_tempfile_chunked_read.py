import tempfile
import os

tmp = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
for i in range(80000):
    tmp.write(f"2024-01-{i % 28 + 1:02d} INFO request {i} took {i % 900}ms\n")
tmp.close()
print("size:", os.path.getsize(tmp.name))

with open(tmp.name) as f:
    lines = f.readlines()
slow = [l for l in lines if int(l.rsplit(" ", 1)[1][:-3]) > 800]
print("readlines:", len(lines), len(slow))
del lines, slow

count = 0
with open(tmp.name) as f:
    for line in f:
        if "took 8" in line:
            count += 1
print("iterated:", count)

chunks = 0
newlines = 0
with open(tmp.name, "rb") as f:
    while True:
        block = f.read(64 * 1024)
        if not block:
            break
        chunks += 1
        newlines += block.count(b"\n")
print("read(n):", chunks, newlines)

with open(tmp.name) as f:
    data = f.read()
print(len(data))
del data
os.unlink(tmp.name)
