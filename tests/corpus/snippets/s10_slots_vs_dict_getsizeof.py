import sys


class PointDict:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class PointSlots:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Point3(PointSlots):
    __slots__ = ("w",)


a = [PointDict(i, i + 1, i + 2) for i in range(100000)]
print(sys.getsizeof(a[0]), sys.getsizeof(a[0].__dict__))
b = [PointSlots(i, i + 1, i + 2) for i in range(100000)]
print(sys.getsizeof(b[0]), hasattr(b[0], "__dict__"))
try:
    b[0].color = "red"
except AttributeError as e:
    print("AttributeError:", e)
p = Point3(1, 2, 3)
p.w = 4
print(sys.getsizeof(p), p.w, Point3.__slots__, PointSlots.x)
del a
print(len(b))
del b
