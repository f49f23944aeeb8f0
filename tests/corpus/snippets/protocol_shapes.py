# Structural typing with Protocol, and generic containers of shapes.
from typing import Generic, Iterable, List, Protocol, TypeVar, runtime_checkable


@runtime_checkable
class HasArea(Protocol):
    def area(self) -> float: ...


class Square:
    __slots__ = ("side",)

    def __init__(self, side: float) -> None:
        self.side = side

    def area(self) -> float:
        return self.side * self.side


class Circle:
    def __init__(self, r: float) -> None:
        self.r = r

    def area(self) -> float:
        return 3.14159 * self.r * self.r


T = TypeVar("T", bound=HasArea)


class Bag(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def add(self, item: T) -> None:
        self.items.append(item)

    def total(self) -> float:
        return sum(i.area() for i in self.items)


def total_area(shapes: Iterable[HasArea]) -> float:
    return sum(s.area() for s in shapes)


bag: Bag[HasArea] = Bag()
for i in range(30000):
    bag.add(Square(i % 10) if i % 2 else Circle(i % 5))
print(round(bag.total(), 2), isinstance(bag.items[0], HasArea), isinstance(3, HasArea))
print(round(total_area(bag.items[:100]), 2))
del bag
