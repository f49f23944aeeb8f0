import os
import tempfile

path = os.path.join(tempfile.gettempdir(), f"hw_lines_{os.getpid()}.txt")
with open(path, "w") as f:
    for i in range(200000):
        f.write(f"{i},user{i % 977},{i * 3.5:.2f}\n")

with open(path) as f:
    lines = f.readlines()
print("readlines:", len(lines))
del lines

total = 0.0
with open(path) as f:
    for line in f:
        total += float(line.rsplit(",", 1)[1])
print(f"streamed total {total:.1f}")
os.remove(path)
