from abc import ABC, abstractmethod
from typing import Dict, List


class Repository(ABC):
    @abstractmethod
    def add(self, key: str, record: dict) -> None: ...

    @abstractmethod
    def get(self, key: str) -> dict: ...

    def add_many(self, records: List[dict]) -> int:
        for r in records:
            self.add(r["id"], r)
        return len(records)

    @classmethod
    def create(cls) -> "Repository":
        return cls()


class MemoryRepository(Repository):
    def __init__(self) -> None:
        self._rows: Dict[str, dict] = {}

    def add(self, key: str, record: dict) -> None:
        self._rows[key] = record

    def get(self, key: str) -> dict:
        return self._rows[key]

    def __len__(self) -> int:
        return len(self._rows)


try:
    Repository()
except TypeError as e:
    print("cannot instantiate:", e)

repo = MemoryRepository.create()
n = repo.add_many([{"id": f"u{i}", "name": "user%d" % i, "age": i % 90} for i in range(150000)])
print(n, len(repo), repo.get("u77"))
print(isinstance(repo, Repository), issubclass(MemoryRepository, ABC))
print(sorted(Repository.__abstractmethods__))
del repo
print("dropped")
