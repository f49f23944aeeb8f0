import bisect
from dataclasses import dataclass


@dataclass(order=True)
class Reading:
    ts: int
    sensor: str
    value: float


readings = []
for i in range(60000):
    ts = (i * 7919) % 100000
    bisect.insort(readings, Reading(ts, f"s{i % 12}", i * 0.25), key=lambda r: r.ts)
print(len(readings), readings[0].ts, readings[-1].ts)
keys = [r.ts for r in readings]
lo = bisect.bisect_left(keys, 25000)
hi = bisect.bisect_right(keys, 25100)
window = readings[lo:hi]
print(lo, hi, len(window), window[0])

thresholds = [10, 20, 50, 100, 200]
labels = ["tiny", "small", "medium", "large", "huge", "giant"]
print([labels[bisect.bisect(thresholds, v)] for v in (3, 10, 49, 150, 999)])

scores = []
for v in range(100000, 0, -3):
    bisect.insort_left(scores, v % 5000)
print(len(scores), scores[:5], bisect.bisect_left(scores, 4999, lo=10))
del readings[: len(readings) // 2]
print(len(readings))
del keys, window, scores
