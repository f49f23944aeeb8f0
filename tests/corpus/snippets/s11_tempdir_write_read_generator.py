import os
import tempfile
from itertools import islice

def read_records(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            ts, level, msg = line.rstrip("\n").split("\t", 2)
            yield int(ts), level, msg

with tempfile.TemporaryDirectory() as tmpdir:
    paths = []
    for day in range(3):
        path = os.path.join(tmpdir, f"app-{day}.log")
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(15000):
                level = "ERROR" if i % 50 == 0 else "INFO"
                fh.write(f"{day * 100000 + i}\t{level}\tevent number {i} on day {day}\n")
        paths.append(path)
    print(sorted(os.listdir(tmpdir)), os.path.getsize(paths[0]))
    errors = [r for p in paths for r in read_records(p) if r[1] == "ERROR"]
    head = list(islice(read_records(paths[1]), 3))
    print(len(errors), head[0])
    exists = os.path.exists(tmpdir)
print(exists, os.path.exists(tmpdir), errors[-1])
del errors
