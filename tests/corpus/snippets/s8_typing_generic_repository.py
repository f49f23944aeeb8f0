from typing import Callable, Dict, Generic, Iterator, List, Optional, Protocol, TypeVar, Union

T = TypeVar("T")
K = TypeVar("K")


class HasId(Protocol):
    id: int


class Store(Generic[T]):
    def __init__(self, key: Callable[[T], int]) -> None:
        self._items: Dict[int, T] = {}
        self._key = key

    def put(self, item: T) -> None:
        self._items[self._key(item)] = item

    def get(self, key: int) -> Optional[T]:
        return self._items.get(key)

    def where(self, pred: Callable[[T], bool]) -> List[T]:
        return [v for v in self._items.values() if pred(v)]

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)


class User:
    id: int

    def __init__(self, id: int, name: str, score: Union[int, float]) -> None:
        self.id = id
        self.name = name
        self.score = score


def first(items: list[T]) -> T | None:
    return items[0] if items else None


users: Store[User] = Store(key=lambda u: u.id)
for i in range(80000):
    users.put(User(i, f"name{i}", i % 100 / 3))
high = users.where(lambda u: u.score > 30)
print(len(users), len(high), first(high).name, first([]))
print(users.get(5).name, users.get(-1))
print(Store[User], Optional[int], Union[int, str], list[int], dict[str, list[int]])
print(Store.__parameters__, User.__annotations__, first.__annotations__)
print(isinstance(users, Store), Store[int] == Store[int])
total = sum(u.score for u in users)
print(round(total, 2))
del users, high
