import time


class Timer:
    records = []

    def __init__(self, label, swallow=()):
        self.label = label
        self.swallow = swallow

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = time.perf_counter() - self.start
        Timer.records.append((self.label, self.elapsed, exc_type.__name__ if exc_type else None))
        return exc_type is not None and issubclass(exc_type, self.swallow)


with Timer("build") as t:
    table = {i: str(i) * 3 for i in range(200000)}
print(t.label, t.elapsed >= 0, len(table))
with Timer("lookup", swallow=(KeyError,)):
    x = table[-1]
print("after swallowed:", Timer.records[-1][2])
try:
    with Timer("boom"):
        raise RuntimeError("fail")
except RuntimeError as e:
    print("propagated:", e)
with Timer("drop"):
    del table
for label, elapsed, err in Timer.records:
    print(f"{label:<8} {err}")
