# title: 400,000 instances with two attributes
#
# Issue 8's instances case. Each Point() is laid out differently per version:
# on 3.11 a 56-byte object (GC header, managed dict/values pre-header and a
# __weakref__ slot) plus a separate 32-byte values array; on 3.12 the weakref
# slot moved into the pre-header (48 + 32 bytes); on 3.13 the values are inline
# in the object, one 88-byte block. The list of points and the int attributes
# are the same everywhere. Deleting the list frees them all.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, -i) for i in range(400000)]
total = sum(p.x + p.y for p in points)
del points
