class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __eq__(self, other):
        return (self.x, self.y, self.z) == (other.x, other.y, other.z)

    def __hash__(self):
        return hash((self.x, self.y, self.z))

    def __repr__(self):
        return f"Vec({self.x}, {self.y}, {self.z})"


points = [Vec(i, i % 17, -i) for i in range(60000)]
moved = [p + Vec(1, 1, 1) for p in points]
scaled = [p * 0.5 for p in moved]
print(scaled[3], len(set(points[:1000] + points[:1000])))
del moved
unique = set(scaled)
print(len(unique))
del points, scaled
print(len(unique))
