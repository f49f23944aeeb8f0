import tracemalloc


class Cache:
    def __init__(self):
        self.rows = {}

    def load(self, n):
        for i in range(n):
            self.rows[i] = ("row", i, str(i) * 4)
        return len(self.rows)


def chunks(n):
    for i in range(n):
        yield [i] * 8


tracemalloc.start()
cache = Cache()
cache.load(2500)
blocks = [b for b in chunks(2000)]
labels = [f"label-{i}" for i in range(3000)]
gen_total = sum(len(x) for x in ([i] * 3 for i in range(500)))
snapshot = tracemalloc.take_snapshot()
for stat in snapshot.statistics("lineno")[:6]:
    print(stat)
