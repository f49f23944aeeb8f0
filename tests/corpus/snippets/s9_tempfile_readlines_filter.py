import os
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "events.log")
    with open(path, "w") as f:
        for i in range(60000):
            f.write(f"{i:06d} {'ERROR' if i % 17 == 0 else 'INFO'} payload={'x' * (i % 40)}\n")
    print(os.path.getsize(path))
    with open(path) as f:
        lines = f.readlines()
    print(len(lines), repr(lines[0]))
    errors = [ln.rstrip("\n") for ln in lines if " ERROR " in ln]
    print(len(errors), errors[1])
    del lines
    count = 0
    with open(path) as f:
        for line in f:
            if line.startswith("0599"):
                count += 1
    print(count)
    with open(path, "rb") as f:
        head = f.read(64)
        f.seek(-20, os.SEEK_END)
        tail = f.read()
    print(head[:20], tail)
    print(sorted(os.listdir(tmp)))
print(os.path.exists(path), len(errors))
with tempfile.NamedTemporaryFile("w+", suffix=".txt") as tf:
    tf.write("\n".join(errors[:100]))
    tf.seek(0)
    print(len(tf.read().splitlines()), tf.name.endswith(".txt"))
del errors
