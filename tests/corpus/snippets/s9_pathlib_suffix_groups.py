from pathlib import PurePosixPath
from collections import defaultdict

exts = [".py", ".txt", ".json", ".tar.gz", ""]
paths = [PurePosixPath("/srv/app") / f"pkg{i % 40}" / f"mod{i % 7}" / f"file{i}{exts[i % 5]}" for i in range(30000)]
print(paths[3], paths[3].name, paths[3].stem, paths[3].suffix, paths[3].suffixes)
by_suffix = defaultdict(list)
for p in paths:
    by_suffix[p.suffix].append(p)
print({k: len(v) for k, v in sorted(by_suffix.items())})
rel = [p.relative_to("/srv/app") for p in paths[:5]]
print(rel[0], rel[0].parts, rel[0].parent, rel[0].parents[1])
renamed = [p.with_suffix(".bak") for p in by_suffix[".txt"][:3]]
print(renamed)
print(paths[0].with_name("x.py"), paths[0].with_stem("y") if hasattr(paths[0], "with_stem") else None)
print(PurePosixPath("a/b/../c").parts, PurePosixPath("/a") / "b" / "/c")
print(paths[10].match("*.py"), paths[10].match("pkg10/*/*.py"), paths[11].is_absolute())
depth = max(len(p.parts) for p in paths)
print(depth, str(paths[-1]))
del paths
print(sum(len(v) for v in by_suffix.values()))
by_suffix.clear()
