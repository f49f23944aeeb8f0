import tracemalloc, sys
tracemalloc.start()
data = [str(i) * 3 for i in range(10000)]
snap = tracemalloc.take_snapshot()
for stat in snap.statistics("lineno")[:3]:
    print(stat.count, stat.size > 0, str(stat.traceback).split(":")[-1])
cur, peak = tracemalloc.get_traced_memory()
print(cur > 500000, peak >= cur)
tracemalloc.stop()

class Resource:
    count = 0
    def __init__(self, name):
        self.name = name
        Resource.count += 1
    def __del__(self):
        Resource.count -= 1
    def __repr__(self):
        return f"Resource({self.name!r})"

rs = [Resource(f"r{i}") for i in range(100)]
print(Resource.count, rs[:2])
del rs
print(Resource.count)

class Temp:
    __slots__ = ("_c",)
    def __init__(self, c): self.c = c
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v):
        if v < -273.15:
            raise ValueError(f"{v} below absolute zero")
        self._c = v
t = Temp(20)
try:
    t.c = -300
except ValueError as e:
    print("error:", e)
try:
    t.other = 1
except AttributeError as e:
    print(e)
print(sys.getsizeof(t), sys.getsizeof(Resource("x")))
