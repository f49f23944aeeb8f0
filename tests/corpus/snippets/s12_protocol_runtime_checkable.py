from typing import Protocol, runtime_checkable, Iterable

@runtime_checkable
class Sized(Protocol):
    def size(self) -> int: ...

class File:
    def __init__(self, n):
        self.n = n
    def size(self) -> int:
        return self.n

class Folder:
    def __init__(self, items):
        self.items = items
    def size(self) -> int:
        return sum(i.size() for i in self.items)

def total(items: Iterable[Sized]) -> int:
    return sum(i.size() for i in items)

tree = Folder([Folder([File(j) for j in range(200)]) for _ in range(200)])
print(tree.size(), isinstance(tree, Sized), isinstance(42, Sized))
files = [File(i) for i in range(30000)]
print(total(files), all(isinstance(f, Sized) for f in files[:1000]))
del tree
print(len(files))
del files
