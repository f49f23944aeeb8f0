import mmap
import os
import tempfile

fd, path = tempfile.mkstemp(suffix=".log")
with os.fdopen(fd, "wb") as f:
    for i in range(300000):
        f.write(b"INFO ok\n" if i % 50 else b"ERROR boom\n")

with open(path, "rb") as f:
    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        count = 0
        pos = mm.find(b"ERROR")
        while pos != -1:
            count += 1
            pos = mm.find(b"ERROR", pos + 1)
        print(len(mm), "bytes mapped,", count, "errors")
os.unlink(path)
