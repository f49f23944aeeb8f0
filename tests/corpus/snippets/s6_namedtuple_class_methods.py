import math
from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float
    label: str = ""

    @property
    def norm(self):
        return math.hypot(self.x, self.y)

    def scaled(self, k):
        return self._replace(x=self.x * k, y=self.y * k)

    def __str__(self):
        return f"<{self.label or '?'} {self.x:.1f},{self.y:.1f}>"


pts = [Point(i % 100, i // 100, f"p{i}") for i in range(120000)]
print(pts[5], repr(pts[5]), pts[5].norm)
big = [p.scaled(2.5) for p in pts if p.norm > 50]
print(len(big), str(big[0]), big[0]._asdict())
print(Point._fields, Point._field_defaults, Point(1, 2))
xs, ys, labels = zip(*pts[:5])
print(xs, labels)
p = Point._make([3, 4, "m"])
print(p, p.norm, p == (3, 4, "m"), tuple(p))
del pts
print(len(big))
del big
