import os
import tempfile

base = tempfile.mkdtemp()
for i in range(6):
    for j in range(4):
        path = os.path.join(base, f"proj{i}", f"src{j}")
        os.makedirs(path, exist_ok=True)
        for k in range(10):
            with open(os.path.join(path, f"mod{k}.py" if k % 2 else f"data{k}.csv"), "w") as fh:
                fh.write("x = 1\n" * (k + 1) * 40)

total = 0
by_ext = {}
for dirpath, dirnames, filenames in os.walk(base):
    dirnames.sort()
    for name in filenames:
        size = os.path.getsize(os.path.join(dirpath, name))
        ext = os.path.splitext(name)[1]
        by_ext[ext] = by_ext.get(ext, 0) + size
        total += size
print(total, by_ext)

with os.scandir(base) as it:
    top = sorted(e.name for e in it if e.is_dir())
print(top)

entries = []
stack = [base]
while stack:
    cur = stack.pop()
    for e in os.scandir(cur):
        if e.is_dir(follow_symlinks=False):
            stack.append(e.path)
        else:
            entries.append((e.name, e.stat().st_size))
print(len(entries), max(entries, key=lambda t: t[1]))
contents = [open(os.path.join(dp, f)).read() for dp, _, fs in os.walk(base) for f in fs]
print(len(contents), sum(map(len, contents)))
del contents, entries
