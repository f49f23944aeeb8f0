import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


pts = [Point(i, i * 2) for i in range(200000)]
print(sys.getsizeof(pts[0]))
total = sum(p.x + p.y for p in pts)
print(total)
print(sys.getsizeof(pts[0].__dict__))
for p in pts[:50000]:
    p.label = "p"
del pts
