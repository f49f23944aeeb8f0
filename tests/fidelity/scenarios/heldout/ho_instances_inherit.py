# title: Subclasses calling super().__init__ and properties
class Shape:
    def __init__(self, name):
        self.name = name


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    @property
    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)


shapes = [Rect(i, i + 1) if i % 2 else Square(i) for i in range(200000)]
total = sum(s.area for s in shapes)
squares = [s for s in shapes if isinstance(s, Square)]
del shapes
del squares
