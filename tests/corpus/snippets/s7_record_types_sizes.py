import sys
import tracemalloc
from dataclasses import dataclass
from typing import NamedTuple


class PointNT(NamedTuple):
    x: float
    y: float
    z: float


@dataclass(slots=True)
class PointDC:
    x: float
    y: float
    z: float


@dataclass
class PointDict:
    x: float
    y: float
    z: float


class PointPlain:
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z


sizes = {}
for cls in (PointNT, PointDC, PointDict, PointPlain, tuple):
    tracemalloc.start()
    if cls is tuple:
        items = [(float(i), 0.0, 1.0) for i in range(50000)]
    else:
        items = [cls(float(i), 0.0, 1.0) for i in range(50000)]
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sizes[cls.__name__] = (sys.getsizeof(items[0]), current // len(items))
    del items
for name, (shallow, per_item) in sizes.items():
    print(f"{name:>10}: getsizeof={shallow:3d} per item~{per_item}")
print(PointNT(1, 2, 3)._asdict(), PointDC(1, 2, 3))
print(hasattr(PointDC(1, 2, 3), "__dict__"), PointPlain(1, 2, 3).__dict__)
