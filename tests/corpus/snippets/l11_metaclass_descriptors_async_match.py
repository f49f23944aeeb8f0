import asyncio, contextlib, enum, functools, math, itertools, sys
from dataclasses import dataclass, KW_ONLY
from typing import overload, Generic, TypeVar

T = TypeVar("T")

class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls

class Base(metaclass=Registry):
    def __init_subclass__(cls, tag="", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag

class Child(Base, tag="c"):
    pass

class Field:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, objtype=None): return getattr(obj, self.name, None) if obj else self
    def __set__(self, obj, value): setattr(obj, self.name, value * 2)

class Box(Generic[T]):
    v = Field()
    def __init__(self, v): self.v = v

@dataclass
class Pt:
    x: int
    _: KW_ONLY
    y: int = 0
    __match_args__ = ("x", "y")

class Perm(enum.Flag):
    R = enum.auto(); W = enum.auto(); X = enum.auto()

class Lazy:
    @functools.cached_property
    def heavy(self): return [i * i for i in range(1000)]

def classify(p):
    match p:
        case Pt(0, y) if y > 0: return "on y+"
        case Pt(x, 0): return f"on x at {x=}"
        case {"k": [_, *rest]}: return f"map {len(rest)}"
        case _: return "else"

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

@contextlib.asynccontextmanager
async def res():
    yield "r"

async def main():
    async with res() as r:
        vals = [v async for v in agen(5)]
    return r, vals

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print("vals", len(e.exceptions))
except* TypeError as e:
    print("types", len(e.exceptions))

c = counter(); c(); print(c(), Registry.classes, Child.tag)
b = Box(3); print(b.v, Box[int], Perm.R | Perm.W, Perm(3))
print(classify(Pt(0, y=2)), classify(Pt(3)), classify({"k": [1, 2, 3]}))
print(asyncio.run(main()), len(Lazy().heavy))
print({"a": 1} | {"b": 2}, "prefix_x".removeprefix("prefix_"), (255).bit_count(), math.prod([1, 2, 3, 4]))
print([y for x in range(10) if (y := x * x) > 20], list(itertools.pairwise("abc")))
print(f"{math.pi:>10.3f}|{1234567:,}|{0.25:%}|{'s'!r:^7}|{3+4j}")
print(sys.version_info[:2], int("1_000"), 7 // -2, -7 % 3, round(2.5), divmod(-7, 2))
