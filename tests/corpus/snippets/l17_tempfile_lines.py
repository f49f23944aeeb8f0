import tempfile
import os

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data.csv")
    with open(path, "w") as f:
        for i in range(200_000):
            f.write(f"{i},{i * 3},{'x' * (i % 20)}\n")
    print(os.path.getsize(path))

    def rows(p):
        with open(p) as fh:
            for line in fh:
                a, b, c = line.rstrip("\n").split(",")
                yield int(a), int(b), c

    total = sum(b for _, b, _ in rows(path))
    print(total)
    with open(path) as fh:
        everything = fh.readlines()
    print(len(everything), everything[5].strip())
    del everything
print(os.path.exists(path))
