import bisect

timestamps = []
events = {}

for i in range(40_000):
    t = (i * 7_919) % 100_003
    bisect.insort(timestamps, t)
    events.setdefault(t, []).append(f"event-{i}")

print(len(timestamps), timestamps[:5])


def between(lo, hi):
    left = bisect.bisect_left(timestamps, lo)
    right = bisect.bisect_right(timestamps, hi)
    return timestamps[left:right]


window = between(5_000, 6_000)
print(len(window))


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in (33, 99, 77, 70, 89, 90, 100)])
del timestamps[: len(timestamps) // 2]
print(len(timestamps), len(events))
