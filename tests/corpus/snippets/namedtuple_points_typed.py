from typing import NamedTuple
import sys


class Point(NamedTuple):
    x: float
    y: float
    label: str = ""

    def dist2(self):
        return self.x * self.x + self.y * self.y


points = [Point(i * 0.5, i * 0.25) for i in range(200000)]
print(sys.getsizeof(points[0]), points[3], round(sum(p.dist2() for p in points[:1000]), 2))
moved = [p._replace(label="moved") for p in points[::4]]
print(len(moved), moved[1].label)
del points
del moved
