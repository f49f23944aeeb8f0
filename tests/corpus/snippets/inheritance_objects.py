class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r


shapes = []
for i in range(150000):
    shapes.append(Rect(i, i + 1) if i % 2 else Circle(i))

total = sum(s.area() for s in shapes)
print(f"total area {total:.0f}")
del shapes
