from contextlib import contextmanager
import time

timings = []

@contextmanager
def timer(name):
    t0 = time.perf_counter()
    try:
        yield
    finally:
        timings.append((name, time.perf_counter() - t0))

def producer(n):
    try:
        for i in range(n):
            yield [i] * 10
    finally:
        print("producer closed")

with timer("build"):
    rows = [r for r in producer(50_000)]
with timer("half"):
    g = producer(1_000_000)
    part = [next(g) for _ in range(10_000)]
    g.close()
try:
    with timer("boom"):
        raise ValueError("bad row")
except ValueError as e:
    print("caught", e)
print([name for name, _ in timings], len(rows), len(part))
del rows, part
