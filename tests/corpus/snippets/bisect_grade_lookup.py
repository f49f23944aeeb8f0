from bisect import bisect, bisect_left, bisect_right
import random

BREAKPOINTS = [60, 70, 80, 90]
GRADES = "FDCBA"


def grade(score, breakpoints=BREAKPOINTS, grades=GRADES):
    return grades[bisect(breakpoints, score)]


random.seed(7)
scores = [random.randint(0, 100) for _ in range(200_000)]
letters = [grade(s) for s in scores]
print({g: letters.count(g) for g in GRADES})

ordered = sorted(scores)
lo = bisect_left(ordered, 70)
hi = bisect_right(ordered, 79)
print("C range count:", hi - lo)


def percentile_rank(sorted_list, value):
    return 100.0 * bisect_left(sorted_list, value) / len(sorted_list)


print(f"rank of 85: {percentile_rank(ordered, 85):.2f}%")

timestamps = list(range(0, 3_000_000, 3))
idx = bisect_left(timestamps, 1_500_001)
print("first event after 1.5M:", timestamps[idx])
del letters, scores
window = timestamps[bisect_left(timestamps, 100_000):bisect_right(timestamps, 400_000)]
print("window", len(window))
del timestamps, ordered
