import os
import tempfile
from collections import defaultdict


def build_tree(root, dirs=20, files=30):
    for d in range(dirs):
        sub = os.path.join(root, f"dir_{d:02d}", "nested")
        os.makedirs(sub, exist_ok=True)
        for f in range(files):
            ext = (".txt", ".log", ".csv")[f % 3]
            with open(os.path.join(sub, f"file_{f:03d}{ext}"), "w") as fh:
                fh.write(("line %d of %d\n" % (f, d)) * (f + 1))


tmp = tempfile.TemporaryDirectory()
build_tree(tmp.name)

sizes = defaultdict(int)
paths = []
for dirpath, dirnames, filenames in os.walk(tmp.name):
    dirnames.sort()
    for name in sorted(filenames):
        full = os.path.join(dirpath, name)
        paths.append(full)
        sizes[os.path.splitext(name)[1]] += os.path.getsize(full)

print("files:", len(paths))
print("bytes per extension:", dict(sorted(sizes.items())))

contents = [open(p).read() for p in paths]
print("total chars:", sum(len(c) for c in contents))
del contents, paths
tmp.cleanup()
print("cleaned:", os.path.exists(tmp.name))
