import os
import shutil
import tempfile

workdir = tempfile.mkdtemp(prefix="hw_")
src = os.path.join(workdir, "source.txt")

with open(src, "w") as f:
    for i in range(50000):
        f.write(f"{i},{i * i},{'abc' * (i % 5)}\n")

dst = os.path.join(workdir, "copy.txt")
shutil.copyfile(src, dst)
backup = shutil.copy(dst, os.path.join(workdir, "backup.txt"))
print("copied:", os.path.basename(backup), os.path.getsize(backup))

with open(dst) as f:
    rows = [line.rstrip("\n").split(",") for line in f]
print("rows:", len(rows), rows[3])

total = sum(int(r[1]) for r in rows)
print("sum of squares:", total)

del rows
shutil.rmtree(workdir)
print("exists after rmtree:", os.path.isdir(workdir))
