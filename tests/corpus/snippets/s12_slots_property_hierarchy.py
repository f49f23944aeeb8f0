class Shape:
    __slots__ = ("name",)
    def __init__(self, name):
        self.name = name
    @property
    def area(self):
        raise NotImplementedError

class Rect(Shape):
    __slots__ = ("w", "h")
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h

class Square(Rect):
    __slots__ = ()
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

shapes = [Rect(i % 10 + 1, i % 7 + 1) if i % 2 else Square(i % 9 + 1) for i in range(60000)]
print(len(shapes), sum(s.area for s in shapes))
print(Square.__mro__[1].__name__, hasattr(shapes[0], "__dict__"), shapes[0].name)
try:
    shapes[0].color = "red"
except AttributeError as e:
    print("AttributeError:", e)
squares = [s for s in shapes if isinstance(s, Square)]
print(len(squares))
del shapes
print(len(squares), squares[5].area)
del squares
