import bisect

prices = []
volumes = {}
for i in range(30000):
    p = (i * 7919) % 100003 / 100.0
    bisect.insort(prices, p)
    volumes[p] = volumes.get(p, 0) + i % 13
print(len(prices), prices[0], prices[-1])
lo = bisect.bisect_left(prices, 100.0)
hi = bisect.bisect_right(prices, 200.0)
window = prices[lo:hi]
print(lo, hi, len(window))
grades = ["F", "D", "C", "B", "A"]
def grade(score, cut=[60, 70, 80, 90]):
    return grades[bisect.bisect(cut, score)]
print([grade(s) for s in (33, 65, 77, 89, 99)])
del prices, window
print(len(volumes))
