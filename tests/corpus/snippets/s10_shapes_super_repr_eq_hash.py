class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"


class Rect(Shape):
    def __init__(self, name, w, h):
        super().__init__(name)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def __eq__(self, other):
        if not isinstance(other, Rect):
            return NotImplemented
        return (self.w, self.h) == (other.w, other.h)

    def __hash__(self):
        return hash((self.w, self.h))


class Square(Rect):
    def __init__(self, name, side):
        super().__init__(name, side, side)


shapes = [Rect(f"r{i}", i % 13, i % 7) for i in range(50000)]
shapes += [Square(f"s{i}", i % 11) for i in range(50000)]
print(len(shapes), repr(shapes[8]), repr(shapes[-1]))
unique = set(shapes)
print(len(unique))
print(Square("a", 3) == Rect("b", 3, 3), Rect("x", 1, 2) == "x")
try:
    Shape("bare").area()
except NotImplementedError as e:
    print("abstract", type(e).__name__)
print(sum(s.area() for s in shapes))
del shapes
print(len(unique))
