# "list of dicts vs list of objects: which uses less memory?" measured with tracemalloc.
import tracemalloc
from collections import namedtuple

N = 50_000


class PointObj:
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


PointNT = namedtuple("PointNT", "x y z")


def measure(label, factory):
    tracemalloc.start()
    data = [factory(i, i * 2, i * 3) for i in range(N)]
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<10} {current / N:7.1f} bytes/row  peak {peak / 2**20:.2f} MiB")
    return data


dicts = measure("dict", lambda x, y, z: {"x": x, "y": y, "z": z})
objs = measure("object", PointObj)
slots = measure("slots", PointSlots)
tuples = measure("tuple", lambda x, y, z: (x, y, z))
nts = measure("namedtuple", PointNT)

print(dicts[10]["y"], objs[10].y, slots[10].y, tuples[10][1], nts[10].y)
del dicts, objs
del slots, tuples, nts
