import abc, contextlib, functools, weakref, tracemalloc, gc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self) -> float: ...
    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f})"
class Sq(Shape):
    __slots__ = ("s",)
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Shape()
except TypeError as e:
    print(e)
@functools.singledispatch
def describe(x): return "thing"
@describe.register
def _(x: int): return "int"
@describe.register(list)
def _(x): return f"list of {len(x)}"
print(describe(1), describe([1,2]), describe("s"))
@contextlib.contextmanager
def tracked(name):
    print("enter", name)
    try:
        yield name.upper()
    finally:
        print("exit", name)
with contextlib.ExitStack() as st:
    a = st.enter_context(tracked("a"))
    b = st.enter_context(tracked("b"))
    print(a, b)
with contextlib.suppress(KeyError):
    {}["x"]
def acc():
    total = 0
    while True:
        x = yield total
        if x is None: break
        total += x
g = acc(); next(g)
for i in range(5): print(g.send(i), end=" ")
print()
g.close()
class Res:
    pass
r = Res()
weakref.finalize(r, print, "finalized")
del r
tracemalloc.start()
data = [Sq(i) for i in range(10000)]
snap = tracemalloc.take_snapshot()
for st in snap.statistics("lineno")[:3]:
    print(st)
print(data[3])
cur, peak = tracemalloc.get_traced_memory()
print(cur > 0, peak >= cur)
