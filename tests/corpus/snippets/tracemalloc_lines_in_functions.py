import tracemalloc


class Cache:
    def __init__(self):
        self.rows = {}

    def load(self, n):
        for i in range(n):
            self.rows[i] = ("row", i, str(i) * 4)
        return len(self.rows)


def make_records(n):
    out = []
    for i in range(n):
        out.append({"id": i, "name": f"user{i}"})
    return out


def squares(n):
    for i in range(n):
        yield [i] * 8


tracemalloc.start()
records = make_records(20000)
cache = Cache()
cache.load(15000)
blocks = [b for b in squares(10000)]
labels = [f"label-{i}" for i in range(30000)]
snapshot = tracemalloc.take_snapshot()
for stat in snapshot.statistics("lineno")[:5]:
    print(stat)
tracemalloc.stop()
