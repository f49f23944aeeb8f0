from typing import Generic, TypeVar, Optional, Dict, List, Iterator, Callable

T = TypeVar("T")
K = TypeVar("K")


class Repository(Generic[K, T]):
    def __init__(self, key: Callable[[T], K]) -> None:
        self._rows: Dict[K, T] = {}
        self._key = key

    def add(self, row: T) -> None:
        self._rows[self._key(row)] = row

    def get(self, key: K) -> Optional[T]:
        return self._rows.get(key)

    def __iter__(self) -> Iterator[T]:
        return iter(self._rows.values())

    def __len__(self) -> int:
        return len(self._rows)


class User:
    def __init__(self, uid: int, name: str, emails: List[str]) -> None:
        self.uid = uid
        self.name = name
        self.emails = emails


repo: Repository[int, User] = Repository(key=lambda u: u.uid)
for i in range(25000):
    repo.add(User(i, f"user{i}", [f"u{i}@example.com"]))
print(len(repo), repo.get(123).name, repo.get(10**6))

names: List[str] = sorted((u.name for u in repo), key=len, reverse=True)[:3]
print(names)
del repo
print("annotations:", Repository.get.__annotations__)
