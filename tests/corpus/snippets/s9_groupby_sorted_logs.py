from itertools import groupby
from operator import itemgetter

levels = ["INFO", "WARN", "INFO", "ERROR", "DEBUG"]
lines = [f"2024-03-{1 + i % 28:02d} {levels[i % 5]} worker-{i % 9} request {i} done" for i in range(80000)]
records = [tuple(line.split(" ", 3)) for line in lines]
del lines
records.sort(key=itemgetter(1, 0))
per_level = {}
for level, group in groupby(records, key=itemgetter(1)):
    per_level[level] = list(group)
print({k: len(v) for k, v in per_level.items()})
for level, group in groupby(per_level["ERROR"], key=itemgetter(0)):
    n = sum(1 for _ in group)
    if level.endswith("01") or level.endswith("28"):
        print(level, n)
runs = [(k, len(list(g))) for k, g in groupby("aaabbbcccaaadd")]
print(runs)
print([k for k, _ in groupby(sorted("mississippi"))])
del records
per_level = {k: v[:10] for k, v in per_level.items()}
print(sum(map(len, per_level.values())))
