from typing import Generic, TypedDict, TypeVar, Optional

T = TypeVar("T")


class Movie(TypedDict):
    title: str
    year: int
    rating: float


class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: list[T] = []

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> T:
        return self._items.pop()

    def peek(self) -> Optional[T]:
        return self._items[-1] if self._items else None

    def __len__(self) -> int:
        return len(self._items)


movies: list[Movie] = [{"title": f"Film {i}", "year": 1950 + i % 70, "rating": (i % 100) / 10} for i in range(60_000)]
print("movies:", len(movies), Movie.__required_keys__ == {"title", "year", "rating"})

stack: Stack[Movie] = Stack()
for m in movies:
    if m["rating"] > 5:
        stack.push(m)
print("pushed:", len(stack), "top:", stack.peek()["title"])

popped = [stack.pop() for _ in range(len(stack) // 2)]
print("popped:", len(popped), "left:", len(stack))

ints = Stack[int]()
for i in range(100_000):
    ints.push(i)
print("int stack:", len(ints), type(ints).__name__)
del movies, popped, stack
