import tracemalloc
from collections import namedtuple
from dataclasses import dataclass

PointNT = namedtuple("PointNT", "x y z")

@dataclass
class PointDC:
    x: float
    y: float
    z: float

tracemalloc.start()
as_dicts = [{"x": i, "y": i * 2.0, "z": -i} for i in range(30000)]
d_size = tracemalloc.get_traced_memory()[0]
as_tuples = [PointNT(i, i * 2.0, -i) for i in range(30000)]
t_size = tracemalloc.get_traced_memory()[0] - d_size
as_classes = [PointDC(i, i * 2.0, -i) for i in range(30000)]
c_size = tracemalloc.get_traced_memory()[0] - d_size - t_size
tracemalloc.stop()
print("dicts bigger than tuples:", d_size > t_size, "classes bigger than tuples:", c_size > t_size)
print(as_tuples[10], as_classes[10])
del as_dicts
del as_tuples
del as_classes
