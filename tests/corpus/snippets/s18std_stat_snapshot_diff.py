import os
import tempfile

work = tempfile.mkdtemp()
names = [f"record_{i:04d}.json" for i in range(600)]
for i, n in enumerate(names):
    with open(os.path.join(work, n), "w") as fh:
        fh.write('{"id": %d, "payload": "%s"}\n' % (i, "x" * (i % 50)))


def snapshot(d):
    return {name: os.stat(os.path.join(d, name)) for name in os.listdir(d)}


before = snapshot(work)
print(len(before), sum(st.st_size for st in before.values()))

for n in names[::7]:
    with open(os.path.join(work, n), "a") as fh:
        fh.write("appended\n" * 3)
for n in names[::50]:
    os.remove(os.path.join(work, n))

after = snapshot(work)
changed = sorted(n for n in after if n in before and after[n].st_size != before[n].st_size)
removed = sorted(set(before) - set(after))
print(len(changed), len(removed), changed[:2], removed[:2])
st = after[changed[0]]
print(st.st_size > before[changed[0]].st_size, st.st_nlink, type(st.st_mtime).__name__, len(st))
del before
del after
