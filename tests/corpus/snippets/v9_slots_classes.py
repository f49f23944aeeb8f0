import sys


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def norm2(self):
        return self.x * self.x + self.y * self.y + self.z * self.z


class Particle(Vec):
    __slots__ = ("mass",)

    def __init__(self, x, y, z, mass=1.0):
        super().__init__(x, y, z)
        self.mass = mass


vecs = [Vec(i, i + 1, i + 2) for i in range(150000)]
print("Vec size", sys.getsizeof(vecs[0]))
parts = [Particle(float(i), 0.5, -1.0, mass=i % 7) for i in range(100000)]
print("Particle size", sys.getsizeof(parts[0]))
heavy = [p for p in parts if p.mass > 3]
print(len(heavy), sum(v.norm2() for v in vecs[:1000]))
try:
    vecs[0].w = 1
except AttributeError as e:
    print("no dict:", e)
del vecs
del parts
print(len(heavy))
