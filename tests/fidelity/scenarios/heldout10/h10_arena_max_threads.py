# title: Four worker threads parse records, then the results are dropped
#
# Held-out (issue 9, written before reading src/): the usual "does
# MALLOC_ARENA_MAX=2 help?" test. Four threads each turn 20,000 lines into
# dicts, the main thread joins them and keeps the counts, then drops the rows.
import threading

results = [None] * 4


def work(n):
    rows = []
    for i in range(20000):
        line = f"{n},{i},name{i % 977},{i * 3.5}"
        a, b, c, d = line.split(",")
        rows.append({"worker": int(a), "id": int(b), "name": c, "score": float(d)})
    results[n] = rows


threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = sum(len(r) for r in results)
results = None
