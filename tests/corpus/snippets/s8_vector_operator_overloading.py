import math


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vector):
            return self.x * k.x + self.y * k.y
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __bool__(self):
        return bool(self.x or self.y)

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __repr__(self):
        return f"Vector({self.x:g}, {self.y:g})"


pts = [Vector(i % 100, i // 100) for i in range(100000)]
centroid = sum(pts, Vector()) * (1 / len(pts))
print(centroid, abs(centroid))
print(Vector(1, 2) + Vector(3, 4), 2 * Vector(1, 1), Vector(1, 2) * Vector(3, 4), -Vector(1, 0))
print(bool(Vector()), Vector(1, 2) == Vector(1.0, 2.0))
acc = Vector()
for p in pts[:1000]:
    acc += p
print(acc)
try:
    Vector() + 5
except TypeError as e:
    print("TypeError:", e)
moved = [p - centroid for p in pts]
print(max(moved, key=abs))
del pts, moved
