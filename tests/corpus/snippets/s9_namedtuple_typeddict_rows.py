import sys
from typing import NamedTuple, TypedDict, Optional


class Point(NamedTuple):
    x: float
    y: float
    label: Optional[str] = None


class PointDict(TypedDict):
    x: float
    y: float
    label: Optional[str]


tuples = [Point(i * 0.5, i * 1.5) for i in range(50000)]
dicts = [PointDict(x=i * 0.5, y=i * 1.5, label=None) for i in range(50000)]
print(tuples[3], dicts[3])
print(sys.getsizeof(tuples[3]), sys.getsizeof(dicts[3]))
print(Point._fields, Point._field_defaults, type(dicts[0]) is dict)
moved = [p._replace(label="m") for p in tuples[:1000]]
print(moved[0], moved[0]._asdict())
x_total = sum(p.x for p in tuples)
y_total = sum(d["y"] for d in dicts)
print(x_total, y_total)
del dicts
print(len(tuples), tuples[-1].x)
Point3 = NamedTuple("Point3", [("x", int), ("y", int), ("z", int)])
cube = [Point3(i, i, i) for i in range(1000)]
print(cube[-1], cube[5] == (5, 5, 5))
del tuples
