# itertools.tee keeps every item one copy has seen and the other has not:
# run one copy to the end first and the whole stream sits in tee's buffer.
import itertools
import tracemalloc


def readings(n):
    for i in range(n):
        yield {"sensor": i % 16, "value": (i * 2654435761) % 1000 / 10.0}


tracemalloc.start()
a, b = itertools.tee(readings(100_000))
total = sum(r["value"] for r in a)  # a runs ahead, b's share is buffered
current, peak = tracemalloc.get_traced_memory()
print(f"after first pass: current={current / 1e6:.1f} MB peak={peak / 1e6:.1f} MB")
count = sum(1 for _ in b)
current, peak = tracemalloc.get_traced_memory()
print(f"after second pass: current={current / 1e6:.1f} MB peak={peak / 1e6:.1f} MB")
print("mean", round(total / count, 3))
tracemalloc.stop()

# lockstep use keeps the buffer tiny
x, y = itertools.tee(readings(100_000))
pairs = sum(1 for r1, r2 in zip(x, itertools.islice(y, 1, None)) if r1["value"] < r2["value"])
print("rising pairs:", pairs)
