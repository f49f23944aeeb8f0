import heapq
import os
import tempfile

root = tempfile.mkdtemp(prefix="logs_")
for year in (2022, 2023, 2024):
    for month in range(1, 13):
        d = os.path.join(root, str(year), f"{month:02d}")
        os.makedirs(d, exist_ok=True)
        for day in range(1, 8):
            with open(os.path.join(d, f"app-{day:02d}.log"), "w") as f:
                f.write(f"{year}-{month:02d}-{day:02d} INFO started\n" * (day * month * 3))

files = []
for dirpath, dirnames, filenames in os.walk(root):
    for fn in filenames:
        full = os.path.join(dirpath, fn)
        files.append((os.path.getsize(full), full))
print(len(files), sum(s for s, _ in files))

biggest = heapq.nlargest(5, files)
print([s for s, _ in biggest])
print(sorted({os.path.basename(p) for _, p in biggest}))

per_year = {}
for size, path in files:
    year = os.path.relpath(path, root).split(os.sep)[0] if hasattr(os.path, "relpath") else path
    per_year[year] = per_year.get(year, 0) + size
del files, biggest
print(len(per_year))
