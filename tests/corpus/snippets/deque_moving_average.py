from collections import deque
import random

random.seed(7)
readings = [random.gauss(20.0, 3.0) for _ in range(400_000)]


def moving_average(values, window=50):
    d = deque(maxlen=window)
    total = 0.0
    for v in values:
        if len(d) == window:
            total -= d[0]
        d.append(v)
        total += v
        yield total / len(d)


smoothed = list(moving_average(readings))
print(round(smoothed[-1], 3))

recent = deque(readings, maxlen=1000)
recent.rotate(10)
print(len(recent), round(recent[0], 3))

log_tail = deque()
for i in range(100_000):
    log_tail.append(f"line {i}")
    if len(log_tail) > 5000:
        log_tail.popleft()
print(log_tail[0])

del readings, smoothed
