import re
import random

random.seed(9)
levels = ["INFO", "WARN", "ERROR", "DEBUG"]
lines = [
    f"2024-03-{random.randint(1, 28):02d} 12:{random.randint(0, 59):02d}:00 [{random.choice(levels)}] user={random.randint(1, 500)} took {random.randint(1, 2000)}ms"
    for _ in range(30000)
]
log = "\n".join(lines)
del lines

pattern = re.compile(r"(?P<date>\d{4}-\d\d-\d\d) [\d:]+ \[(?P<level>\w+)\] user=(?P<user>\d+) took (?P<ms>\d+)ms")
slow = [m.groupdict() for m in pattern.finditer(log) if int(m.group("ms")) > 1900]
print(len(slow), slow[0])


def mask_user(m):
    return "user=" + "*" * len(m.group(1))


masked = re.sub(r"user=(\d+)", mask_user, log)
print(masked[:80])
counts = {}
for m in pattern.finditer(log):
    counts[m["level"]] = counts.get(m["level"], 0) + 1
print(sorted(counts.items()))
del masked, slow
print(len(re.findall(r"\bERROR\b", log)))
del log
