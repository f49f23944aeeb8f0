from abc import ABC, abstractmethod
import math


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


class Rectangle(Shape):
    def __init__(self, w, h, name="rectangle"):
        super().__init__(name)
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side, name="square")


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


try:
    Shape("nothing")
except TypeError as e:
    print("TypeError:", e)

shapes = []
for i in range(1, 30_001):
    if i % 3 == 0:
        shapes.append(Circle(i % 10 + 1))
    elif i % 3 == 1:
        shapes.append(Square(i % 7 + 1))
    else:
        shapes.append(Rectangle(i % 5 + 1, i % 4 + 1))

print(Shape.count, "shapes")
print(shapes[0].describe())
print(shapes[2].describe())
print(Square.__mro__)
total = sum(s.area() for s in shapes)
print(f"total area {total:.1f}")
del shapes
