class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


seen = set()
for i in range(300000):
    seen.add(Point(i % 500, i % 377))
print(len(seen))
frozen = frozenset(seen)
print(Point(1, 1) in frozen, len(frozen))
seen.clear()
del frozen
