import tracemalloc
from collections import namedtuple
from typing import NamedTuple

RowNT = namedtuple("RowNT", "a b c")


class RowTyped(NamedTuple):
    a: int
    b: int
    c: int


class RowClass:
    def __init__(self, a, b, c):
        self.a, self.b, self.c = a, b, c


def measure(label, factory):
    tracemalloc.start()
    rows = [factory(i, i + 1, i + 2) for i in range(100000)]
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:>10}: {size / 1e6:6.2f} MB")
    return rows


keep = measure("tuple", lambda a, b, c: (a, b, c))
measure("namedtuple", RowNT)
measure("NamedTuple", RowTyped)
measure("dict", lambda a, b, c: {"a": a, "b": b, "c": c})
measure("class", RowClass)
