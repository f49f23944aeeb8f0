from fractions import Fraction
from decimal import Decimal, getcontext
import math, statistics, random, string, textwrap, re
class Meta(type):
    registry = {}
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry[name] = cls
        return cls
class Base(metaclass=Meta):
    def __init_subclass__(cls, tag="", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class A(Base, tag="alpha"): pass
print(sorted(Meta.registry), A.tag)
class Typed:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, typ=None): return getattr(obj, self.name, None) if obj else self
    def __set__(self, obj, v):
        if not isinstance(v, int): raise TypeError(f"{self.name[1:]} must be int, got {type(v).__name__}")
        setattr(obj, self.name, v)
class P:
    x = Typed()
    def __init__(self, x): self.x = x
p = P(3); print(p.x)
try: P("a")
except TypeError as e: print(e)
def cmd(c):
    match c.split():
        case ["go", d]: return f"going {d}"
        case ["take", *items] if items: return f"taking {', '.join(items)}"
        case [x] if (n := len(x)) > 3: return f"long {n}"
        case _: return "?"
print([cmd(s) for s in ["go north", "take a b", "look", "jump"]])
first, *mid, last = range(10)
print(first, mid, last, {**{"a": 1}, "b": 2} | {"c": 3})
x = 41; print(f"{x=} {x+1=:>5} {'nested ' + f'{x:#x}'}")
print((1234).to_bytes(4, "little"), int.from_bytes(b"\x01\x02", "big"), divmod(-7, 2), round(2.675, 2), round(0.5), round(1.5))
print(Fraction(3, 4) + Fraction(1, 6), Decimal("1.1") + Decimal("2.2"), complex(1, 2) * 1j, math.comb(30, 10), math.isqrt(10**20))
getcontext().prec = 10; print(Decimal(1) / Decimal(7))
random.seed(42); print(random.randint(1, 100), random.choice("abc"), random.random(), random.sample(range(100), 3))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1, 2, 3, 4]))
print(textwrap.fill("the quick brown fox jumps over the lazy dog " * 3, 30))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host you@there"), re.findall(r"\d+", "a1b22c333"))
print(string.ascii_lowercase[:5], "Hello World".swapcase().center(20, "*"))
def outer():
    n = 0
    def inc():
        nonlocal n; n += 1; return n
    return inc
f = outer(); f(); print(f())
print(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: (-kv[1], kv[0])))
print(list(zip("abc", range(3), strict=True)), list(enumerate("xy", start=1)))
try:
    list(zip("ab", range(3), strict=True))
except ValueError as e: print(e)
