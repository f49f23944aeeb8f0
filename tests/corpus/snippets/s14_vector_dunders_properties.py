import math


class Vector:
    __slots__ = ("_coords",)

    def __init__(self, *coords):
        self._coords = tuple(float(c) for c in coords)

    @property
    def norm(self):
        return math.sqrt(sum(c * c for c in self._coords))

    @property
    def dim(self):
        return len(self._coords)

    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self._coords, other._coords)))

    def __mul__(self, k):
        return Vector(*(c * k for c in self._coords))

    __rmul__ = __mul__

    def __iter__(self):
        return iter(self._coords)

    def __len__(self):
        return len(self._coords)

    def __getitem__(self, i):
        return self._coords[i]

    def __eq__(self, other):
        return isinstance(other, Vector) and self._coords == other._coords

    def __hash__(self):
        return hash(self._coords)

    def __bool__(self):
        return any(self._coords)

    def __repr__(self):
        return "Vector(%s)" % ", ".join(f"{c:g}" for c in self._coords)


vs = [Vector(i, i + 1, i + 2) for i in range(50000)]
total = Vector(0, 0, 0)
for v in vs:
    total = total + v
print(total, total.dim, round(total.norm, 2))

scaled = [2 * v for v in vs[:20000]]
print(scaled[3], len(set(scaled)), bool(Vector(0, 0)), vs[10][1], list(vs[1]))
del vs, scaled
print(sorted([Vector(3, 4), Vector(1, 1)], key=lambda v: v.norm))
