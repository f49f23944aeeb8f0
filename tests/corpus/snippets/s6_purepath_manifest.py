from pathlib import PurePosixPath, PurePath

root = PurePosixPath("/srv/data")
paths = []
for i in range(40000):
    p = root / f"y{2020 + i % 5}" / f"m{i % 12 + 1:02d}" / f"log_{i}.txt.gz"
    paths.append(p)
print(paths[7], paths[7].name, paths[7].stem, paths[7].suffix, paths[7].suffixes)
print(paths[7].parent, paths[7].parts[:3], paths[7].relative_to(root))
by_year = {}
for p in paths:
    by_year.setdefault(p.parts[3], []).append(p.with_suffix(""))
print({k: len(v) for k, v in sorted(by_year.items())})
print(by_year["y2021"][0], by_year["y2021"][0].with_name("x.csv"))
print(PurePath("a/b/../c").parts, PurePosixPath("/a/b").is_absolute(), PurePosixPath("x").joinpath("y", "z"))
print(PurePosixPath("/srv/data/y2020").match("*/y20*"), paths[0].as_posix().upper()[:10])
names = sorted({p.suffix for p in paths})
print(names)
del paths
print(sum(len(v) for v in by_year.values()))
