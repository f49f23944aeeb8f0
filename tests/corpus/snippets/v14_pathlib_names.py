from pathlib import Path, PurePosixPath

base = Path("/srv/data")
paths = [base / f"user{i % 300}" / f"file_{i}.csv" for i in range(40000)]
print(paths[5], paths[5].suffix, paths[5].stem)
by_dir = {}
for p in paths:
    by_dir.setdefault(p.parent.name, []).append(p.name)
print(len(by_dir), len(by_dir["user7"]))
pure = [PurePosixPath("a", "b", str(i)).with_suffix(".txt") for i in range(10000)]
print(pure[-1], pure[-1].parts)
del paths
del pure
print(sum(len(v) for v in by_dir.values()))
