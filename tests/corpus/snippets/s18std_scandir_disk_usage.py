import os
import tempfile

base = tempfile.mkdtemp()
for team in ["alpha", "bravo", "charlie", "delta"]:
    for proj in range(8):
        p = os.path.join(base, team, f"project_{proj}", "build")
        os.makedirs(p)
        for n in range(15):
            with open(os.path.join(p, f"artifact_{n}.bin"), "wb") as fh:
                fh.write(bytes(n * 512 + proj * 64))


def du(path):
    total = 0
    with os.scandir(path) as it:
        for entry in it:
            if entry.is_dir(follow_symlinks=False):
                total += du(entry.path)
            elif entry.is_file():
                total += entry.stat().st_size
    return total


usage = {e.name: du(e.path) for e in os.scandir(base) if e.is_dir()}
for team in sorted(usage):
    print(team, usage[team])

all_entries = []
todo = [base]
while todo:
    d = todo.pop()
    for e in os.scandir(d):
        if e.is_dir():
            todo.append(e.path)
        else:
            all_entries.append(e)
print(len(all_entries), sum(e.stat().st_size for e in all_entries))
stats = [e.stat() for e in all_entries]
print(max(s.st_size for s in stats), min(s.st_size for s in stats))
del all_entries
del stats
