from dataclasses import dataclass
import math


@dataclass
class Circle:
    r: float


@dataclass
class Rect:
    w: float
    h: float


@dataclass
class Tri:
    a: float
    b: float
    c: float


def area(shape):
    match shape:
        case Circle(r=r) if r <= 0:
            return 0.0
        case Circle(r):
            return math.pi * r * r
        case Rect(w, h) if w == h:
            return w * w
        case Rect(w=w, h=h):
            return w * h
        case Tri(a, b, c):
            s = (a + b + c) / 2
            return math.sqrt(max(s * (s - a) * (s - b) * (s - c), 0.0))
        case [first, *rest]:
            return area(first) + sum(area(x) for x in rest)
        case _:
            raise TypeError(f"not a shape: {shape!r}")


shapes = []
for i in range(30000):
    kind = i % 4
    if kind == 0:
        shapes.append(Circle(i % 10))
    elif kind == 1:
        shapes.append(Rect(i % 7, i % 7))
    elif kind == 2:
        shapes.append(Rect(i % 5, 3))
    else:
        shapes.append(Tri(3, 4, 5))
print(f"{sum(area(s) for s in shapes):.3f}")
print(area([Circle(1), Rect(2, 3)]))
try:
    area("square")
except TypeError as exc:
    print(exc)
del shapes
