import math
from abc import ABC, abstractmethod


class Shape(ABC):
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


try:
    Shape("nothing")
except TypeError as e:
    print("TypeError:", e)

shapes = []
for i in range(1, 30001):
    if i % 3 == 0:
        shapes.append(Circle(i / 100))
    elif i % 3 == 1:
        shapes.append(Rect(i % 17, i % 13))
    else:
        shapes.append(Square(i % 11))
print(Shape.count, shapes[2].describe(), isinstance(shapes[2], Rect))
total = sum(s.area() for s in shapes)
print(round(total, 3))
circles = [s for s in shapes if isinstance(s, Circle)]
print(len(circles), issubclass(Square, Shape))
del shapes
print(len(circles))
del circles
