class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    @property
    def area(self):
        raise NotImplementedError
    @staticmethod
    def unit():
        return 1
    @classmethod
    def make(cls, *args):
        return cls(*args)

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    @property
    def area(self):
        return 3.14159 * self.r ** 2

shapes = [Rect.make(i, i + 1) if i % 2 else Circle.make(i) for i in range(100000)]
total = sum(s.area for s in shapes)
print(f"{total:,.2f}", Shape.count)
rects = [s for s in shapes if isinstance(s, Rect)]
del shapes
print(len(rects), rects[0].__dict__)
