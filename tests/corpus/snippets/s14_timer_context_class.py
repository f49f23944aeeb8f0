import time


class Timer:
    history = []

    def __init__(self, label):
        self.label = label
        self.elapsed = None

    def __enter__(self):
        self._start = time.perf_counter()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = time.perf_counter() - self._start
        Timer.history.append((self.label, self.elapsed))
        return exc_type is KeyError


with Timer("build") as t:
    table = {i: str(i) * 3 for i in range(150000)}
print(t.label, t.elapsed > 0, len(table))

with Timer("lookup"):
    missing = table[-1]
print("swallowed KeyError", len(Timer.history))

with Timer("sort") as t2:
    ordered = sorted(table.values(), reverse=True)
print(ordered[:2])

try:
    with Timer("fail"):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", type(e).__name__)

print([label for label, _ in Timer.history])
del table, ordered
print(len(Timer.history))
