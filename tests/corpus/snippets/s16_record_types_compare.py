from dataclasses import dataclass
from collections import namedtuple
import tracemalloc

@dataclass(slots=True, frozen=True)
class PointDC:
    x: int
    y: int
    label: str

PointNT = namedtuple("PointNT", "x y label")

N = 50000
tracemalloc.start()

snap = tracemalloc.take_snapshot()
dicts = [{"x": i, "y": i * 2, "label": "p"} for i in range(N)]
size_dict = tracemalloc.get_traced_memory()[0]
print(f"dicts: {size_dict / N:.0f} bytes each")
del dicts

base = tracemalloc.get_traced_memory()[0]
nts = [PointNT(i, i * 2, "p") for i in range(N)]
size_nt = tracemalloc.get_traced_memory()[0] - base
print(f"namedtuples: {size_nt / N:.0f} bytes each")
del nts

base = tracemalloc.get_traced_memory()[0]
dcs = [PointDC(i, i * 2, "p") for i in range(N)]
size_dc = tracemalloc.get_traced_memory()[0] - base
print(f"slots dataclass: {size_dc / N:.0f} bytes each")

try:
    dcs[0].x = 5
except Exception as e:
    print(type(e).__name__)

unique = set(dcs[:1000])
print(len(unique))
tracemalloc.stop()
del dcs, unique
