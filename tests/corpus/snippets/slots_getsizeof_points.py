import sys


class RegularPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class SlottedPoint:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


r = RegularPoint(1.0, 2.0, 3.0)
s = SlottedPoint(1.0, 2.0, 3.0)
print(f"Regular: {sys.getsizeof(r)} + dict {sys.getsizeof(r.__dict__)} bytes")
print(f"Slotted: {sys.getsizeof(s)} bytes")

regular = [RegularPoint(i, i, i) for i in range(200000)]
slotted = [SlottedPoint(i, i, i) for i in range(200000)]
print(len(regular) + len(slotted))
del regular
