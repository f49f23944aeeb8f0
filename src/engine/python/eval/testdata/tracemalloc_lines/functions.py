import tracemalloc


def make_records(n):
    out = []
    for i in range(n):
        out.append({"id": i, "name": f"user{i}"})
    return out


def pairs(n):
    return [(i, str(i)) for i in range(n)]


tracemalloc.start()
records = make_records(3000)
table = pairs(2000)
words = " ".join(str(i) for i in range(1500)).split()
snapshot = tracemalloc.take_snapshot()
for stat in snapshot.statistics("lineno")[:6]:
    print(stat)
