# title: __slots__ against a per-instance dict
#
# Issue 7: __slots__. The same 3-field point as a plain class (3.11: object
# plus a separate values array, and a full dict once something asks for
# __dict__) and as a __slots__ class (one block with the three slots, no
# dict, no __weakref__). 300,000 of each.
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


with_dict = [PointDict(i, i + 1, i + 2) for i in range(300000)]
with_slots = [PointSlots(i, i + 1, i + 2) for i in range(300000)]
sizes = (sys.getsizeof(with_dict[0]), sys.getsizeof(with_slots[0]))
dicts = [p.__dict__ for p in with_dict[:100000]]
del dicts
del with_dict
del with_slots
