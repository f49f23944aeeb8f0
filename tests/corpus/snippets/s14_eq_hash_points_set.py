class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


raw = [Point(i % 300, (i * 7) % 200) for i in range(100000)]
unique = set(raw)
print("raw:", len(raw), "unique:", len(unique))

lookup = {p: i for i, p in enumerate(raw)}
print(lookup[Point(5, 35)], Point(1, 2) in unique, Point(1, 2) == (1, 2))

del raw
kept = [p for p in unique if p.x < 10]
print(len(kept), sorted(kept, key=lambda p: (p.x, p.y))[:2])
unique.difference_update(kept)
print(len(unique))
del lookup, unique
print("done")
