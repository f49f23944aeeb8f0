from typing import NamedTuple, Protocol, runtime_checkable, Iterable


class Point(NamedTuple):
    x: float
    y: float
    label: str = ""

    def dist2(self, other: "Point") -> float:
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2


@runtime_checkable
class HasArea(Protocol):
    def area(self) -> float:
        ...


class Box:
    def __init__(self, a: Point, b: Point) -> None:
        self.a, self.b = a, b

    def area(self) -> float:
        return abs(self.a.x - self.b.x) * abs(self.a.y - self.b.y)


def total_area(items: Iterable[HasArea]) -> float:
    return sum(i.area() for i in items)


points = [Point(i % 300, i // 300, f"p{i}") for i in range(60000)]
print(points[301], points[301]._asdict())
boxes = [Box(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
print(isinstance(boxes[0], HasArea), isinstance(points[0], HasArea))
print(total_area(boxes))
moved = [p._replace(x=p.x + 1) for p in points[:1000]]
print(moved[0], Point._fields, Point._field_defaults)
origin = Point(0, 0)
near = sorted(points, key=origin.dist2)[:3]
print(near)
del boxes, moved
del points
