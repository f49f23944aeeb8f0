import math

class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x, self.y, self.z = x, y, z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __abs__(self):
        return math.hypot(self.x, self.y, self.z)

    def __iter__(self):
        yield self.x
        yield self.y
        yield self.z

    def __repr__(self):
        return f"Vec({self.x:.2f}, {self.y:.2f}, {self.z:.2f})"

points = [Vec(i, i * 0.5, -i) for i in range(200_000)]
total = Vec()
for p in points:
    total = total + p
print(total, round(abs(total), 1))
scaled = [2 * p for p in points]
print(max(scaled, key=abs))
print(sum(c for p in points[:10] for c in p))
del scaled
del points
