import os
import tempfile

path = os.path.join(tempfile.gettempdir(), f"highwater_lines_{os.getpid()}.txt")
with open(path, "w") as f:
    for i in range(200_000):
        f.write(f"{i},{i * i},{'x' * (i % 40)}\n")

print(os.path.getsize(path))


def read_lines(p):
    with open(p) as fh:
        for line in fh:
            yield line.rstrip("\n")


total = sum(len(line) for line in read_lines(path))
print(total)

with open(path) as f:
    everything = f.readlines()
print(len(everything))

fields = [line.split(",") for line in everything[:50_000]]
del everything
os.remove(path)
print(len(fields), fields[1])
