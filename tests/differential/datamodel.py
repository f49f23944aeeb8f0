# Differential script: the data model as people use it, one case a block; each case prints its
# lines, and an exception that escapes a case prints as "NAME !! Type: message".
import abc
import dataclasses
import enum
from collections import namedtuple
from typing import NamedTuple

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
def eq_ne_fallbacks():
    class A:
        def __init__(self, v): self.v = v
        def __eq__(self, o):
            print("A.eq", type(o).__name__)
            return self.v == o.v if isinstance(o, A) else NotImplemented
    class B:
        pass
    print(A(1) == A(1), A(1) != A(2), A(1) == B(), A(1) != B(), B() == B())
    a = A(1)
    print(a == a, a != a, [a] == [a], (a,) == (A(1),))
    class N:
        def __ne__(self, o): return "ne-called"
    print(N() != 1, N() == 1)


@case
def reflected_ops():
    class V:
        def __init__(self, x): self.x = x
        def __add__(self, o):
            return V(self.x + o) if isinstance(o, int) else NotImplemented
        def __radd__(self, o):
            print("radd", o)
            return V(o + self.x)
        def __repr__(self): return f"V({self.x})"
        def __lt__(self, o): print("lt"); return NotImplemented
        def __gt__(self, o): print("gt"); return self.x > o
    print(V(1) + 2, 3 + V(1), sum([V(1)], 0))
    print(V(5) < 3, 3 > V(5))
    class W(V):
        def __radd__(self, o):
            print("W.radd")
            return W(99)
    print(V(1) + W(2) if False else W(2).__radd__(1))
    try:
        V(1) + "s"
    except TypeError as e:
        print(e)
    try:
        V(1) < V(2)
    except TypeError as e:
        print(e)
    class I:
        def __iadd__(self, o): print("iadd"); return self
    i = I(); i += 1; print(type(i).__name__)
    sum([V(1), V(2)], 0)


@case
def truth():
    class L:
        def __len__(self): return 0
    class Bo:
        def __bool__(self): return False
        def __len__(self): return 5
    class Bad:
        def __bool__(self): return 1
    class Neg:
        def __len__(self): return -1
    print(bool(L()), bool(Bo()), not L(), bool(object()))
    for c in (Bad, Neg):
        try:
            bool(c())
        except Exception as e:
            print(type(e).__name__, e)


@case
def index_dunder():
    class Ix:
        def __index__(self): return 2
    print([10, 20, 30][Ix()], "abc"[Ix()], bin(Ix()), hex(Ix()), range(5)[Ix()], [1, 2, 3, 4][Ix():], operator_index(Ix()))
    try:
        [1][float(1)]
    except TypeError as e:
        print(e)


def operator_index(x):
    import operator
    return operator.index(x)


@case
def format_dunder():
    class F:
        def __format__(self, spec): return f"F<{spec}>"
    print(format(F(), "x>5"), f"{F():abc}", "{:q}".format(F()))
    class P:
        pass
    print(format(P(), "") .startswith("<"))
    try:
        format(P(), "x")
    except TypeError as e:
        print(e)


@case
def contains_fallbacks():
    class It:
        def __iter__(self): print("iter"); return iter([1, 2, 3])
    class Gi:
        def __getitem__(self, i):
            if i >= 3: raise IndexError
            return i * 10
    class Co:
        def __contains__(self, x): return x == "yes"
    print(2 in It(), 5 in It(), 20 in Gi(), 25 in Gi(), "yes" in Co(), "no" in Co(), list(Gi()))
    try:
        1 in object()
    except TypeError as e:
        print(e)


@case
def getattr_vs_getattribute():
    class G:
        x = 1
        def __getattr__(self, name): return f"ga:{name}"
    class GA:
        def __getattribute__(self, name):
            if name == "secret": raise AttributeError(name)
            return f"gattr:{name}"
        def __getattr__(self, name): return f"fallback:{name}"
    g = G()
    print(g.x, g.y, getattr(g, "z"), hasattr(g, "w"), GA().foo, GA().secret)
    class S:
        def __setattr__(self, k, v):
            print("set", k, v)
            object.__setattr__(self, k, v * 2)
        def __delattr__(self, k):
            print("del", k)
            object.__delattr__(self, k)
    s = S(); s.a = 2; print(s.a); del s.a; print(hasattr(s, "a"))
    try:
        del s.nothing
    except AttributeError as e:
        print(e)
    try:
        object().foo
    except AttributeError as e:
        print(e)


@case
def descriptors():
    class D:
        def __set_name__(self, owner, name):
            print("set_name", owner.__name__, name)
            self.name = "_" + name
        def __get__(self, obj, objtype=None):
            if obj is None: return self
            return getattr(obj, self.name, "unset")
        def __set__(self, obj, value): setattr(obj, self.name, value * 10)
    class C:
        d = D()
    c = C(); print(c.d); c.d = 4; print(c.d, type(C.d).__name__, vars(c))
    class NonData:
        def __get__(self, obj, t=None): return "nd"
    class E:
        n = NonData()
    e = E(); print(e.n); e.__dict__["n"] = "inst"; print(e.n)


@case
def property_class_static():
    class P:
        def __init__(self): self._x = 1
        @property
        def x(self): return self._x
        @x.setter
        def x(self, v): self._x = v + 1
        @property
        def ro(self): return "ro"
        @classmethod
        def cm(cls, a): return (cls.__name__, a)
        @staticmethod
        def sm(a): return a * 2
    p = P(); p.x = 5; print(p.x, P.cm(1), p.cm(2), P.sm(3), p.sm(4))
    try:
        p.ro = 1
    except AttributeError as e:
        print(e)
    try:
        del p.ro
    except AttributeError as e:
        print(e)
    print(type(P.__dict__["cm"]).__name__, type(P.__dict__["sm"]).__name__, isinstance(P.x, property))


@case
def init_subclass_class_getitem():
    class Base:
        registry = []
        def __init_subclass__(cls, tag=None, **kw):
            super().__init_subclass__(**kw)
            Base.registry.append((cls.__name__, tag))
        def __class_getitem__(cls, item): return f"{cls.__name__}[{item!r}]"
    class A(Base, tag="a"): pass
    class B(A): pass
    print(Base.registry, Base[int], A["x"])
    try:
        class C(Base, bogus=1, tag=2): pass
    except TypeError as e:
        print(e)
    print(list[int], dict[str, list[int]], type(list[int]).__name__)


@case
def mro_super():
    class A:
        def f(self): return ["A"]
    class B(A):
        def f(self): return ["B"] + super().f()
    class C(A):
        def f(self): return ["C"] + super().f()
    class D(B, C):
        def f(self): return ["D"] + super().f()
    print(D().f(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
    try:
        class X(A, B): pass
    except TypeError as e:
        print(e)
    class E(D):
        def f(self): return super(B, self).f()
    print(E().f(), super(D, D()).f())


@case
def slots_errors():
    class S:
        __slots__ = ("a",)
    s = S(); s.a = 1
    try:
        s.b = 2
    except AttributeError as e:
        print(e)
    try:
        S().a
    except AttributeError as e:
        print(e)
    print(hasattr(s, "__dict__"), S.a.__class__.__name__)
    try:
        class T:
            __slots__ = ("x",)
            x = 1
    except ValueError as e:
        print(e)


@case
def repr_str_defaults():
    class R:
        pass
    class Rr:
        def __repr__(self): return "Rr!"
    class Ss:
        def __str__(self): return "Ss!"
    r = R()
    print(repr(r).startswith("<") and "R object at 0x" in repr(r), str(Rr()), repr(Ss()).startswith("<"), str(Ss()), f"{Rr()!r} {Ss()!s}", [Rr()], f"{Rr()}")


@case
def dataclass_basics():
    @dataclasses.dataclass(order=True)
    class P:
        x: int
        y: int = 0
        tags: list = dataclasses.field(default_factory=list, compare=False)
    a, b = P(1, 2), P(1, 3)
    print(a, a < b, a == P(1, 2, ["t"]), sorted([b, a])[0], dataclasses.asdict(a), dataclasses.astuple(b))
    print(dataclasses.replace(a, y=9), [f.name for f in dataclasses.fields(P)], P.__match_args__)
    @dataclasses.dataclass(frozen=True)
    class F:
        n: int
    f = F(1)
    try:
        f.n = 2
    except dataclasses.FrozenInstanceError as e:
        print(type(e).__name__, e)
    print(hash(f) == hash(F(1)), {f, F(1)}, len({f, F(1), F(2)}))
    try:
        @dataclasses.dataclass
        class Bad:
            a: int = 0
            b: int
    except TypeError as e:
        print(e)
    try:
        P()
    except TypeError as e:
        print(e)
    @dataclasses.dataclass
    class Post:
        a: int
        b: int = dataclasses.field(init=False)
        def __post_init__(self): self.b = self.a * 2
    print(Post(3), P.__eq__(a, 1))


@case
def enums():
    class Color(enum.Enum):
        RED = 1
        GREEN = 2
        BLUE = 3
    print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], list(Color), len(Color), Color.RED.name, Color.RED.value)
    try:
        Color(7)
    except ValueError as e:
        print(e)
    try:
        Color["PINK"]
    except KeyError as e:
        print(repr(e))
    class Perm(enum.Flag):
        R = enum.auto()
        W = enum.auto()
        X = enum.auto()
    rw = Perm.R | Perm.W
    print(rw, repr(rw), Perm.R in rw, Perm.X in rw, ~Perm.R, Perm(0), list(rw), bool(Perm(0)))
    class Mode(enum.Flag):
        R = 4
        W = 2
        X = 1
    print(Mode.R | Mode.W, Mode(7), list(Mode(3)), repr(Mode.X | Mode.R), ~Mode.W)
    class Num(enum.IntEnum):
        ONE = 1
        TWO = 2
    print(Num.ONE + 1, Num.TWO == 2, sorted([Num.TWO, Num.ONE]), {1: "x"}[Num.ONE], f"{Num.TWO}", str(Num.ONE))
    class S(str, enum.Enum):
        A = "a"
    print(S.A == "a", S("a"), S.A.value)
    class Au(enum.Enum):
        A = enum.auto()
        B = enum.auto()
    print(Au.A.value, Au.B.value, Color.RED is Color(1), {Color.RED: 1}[Color.RED], Color.RED == 1)


@case
def abstract_classes():
    class Shape(abc.ABC):
        @abc.abstractmethod
        def area(self): ...
        @abc.abstractmethod
        def name(self): ...
    class Sq(Shape):
        def area(self): return 4
    for c in (Shape, Sq):
        try:
            c()
        except TypeError as e:
            print(e)
    class Full(Sq):
        def name(self): return "sq"
    print(Full().area(), isinstance(Full(), Shape), issubclass(Full, Shape), sorted(Sq.__abstractmethods__))


@case
def named_tuples():
    P = namedtuple("P", "x y", defaults=[0])
    p = P(1)
    print(p, p._replace(y=5), p._asdict(), P._fields, p.x, p[1], P._make([3, 4]), p == (1, 0))
    try:
        p.x = 3
    except AttributeError as e:
        print(e)
    try:
        P(1, 2, 3)
    except TypeError as e:
        print(e)
    try:
        p._replace(z=1)
    except ValueError as e:
        print(e)
    class T(NamedTuple):
        a: int
        b: str = "b"
        def double(self): return self.a * 2
    t = T(2)
    print(t, t.double(), T._field_defaults, t._asdict(), repr(T(3, "z")))


@case
def exceptions():
    try:
        raise ValueError("bad", 42)
    except ValueError as e:
        print(str(e), repr(e), e.args)
    print(str(KeyError("k")), repr(KeyError("k")), str(ValueError()), repr(ValueError()), str(OSError(2, "No such")))
    try:
        try:
            1 / 0
        except ZeroDivisionError as z:
            raise RuntimeError("wrapped") from z
    except RuntimeError as e:
        print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
    try:
        try:
            {}["missing"]
        except KeyError:
            raise TypeError("during")
    except TypeError as e:
        print(repr(e.__context__), e.__cause__, e.__suppress_context__)
    try:
        try:
            raise ValueError
        except ValueError:
            raise IndexError("x") from None
    except IndexError as e:
        print(e.__cause__, e.__suppress_context__, repr(e.__context__))
    class MyErr(Exception):
        def __init__(self, code):
            super().__init__(f"code {code}")
            self.code = code
    try:
        raise MyErr(7)
    except Exception as e:
        print(e, repr(e), e.code, e.args, isinstance(e, MyErr))
    e = ValueError("n")
    pass  # add_note: see README



@case
def generators():
    def g():
        x = yield 1
        print("got", x)
        try:
            yield 2
        except KeyError as e:
            print("thrown", repr(e))
            yield 3
        finally:
            print("cleanup")
        return "done"
    it = g()
    print(next(it), it.send("hi"), it.throw(KeyError("k")))
    try:
        next(it)
    except StopIteration as e:
        print("stop", e.value)
    it2 = g(); next(it2); it2.close(); print("closed")
    def inner():
        yield 1
        return "inner-ret"
    def outer():
        r = yield from inner()
        print("yf", r)
        yield r
    print(list(outer()))
    try:
        g().send(5)
    except TypeError as e:
        print(e)
    def h():
        yield
        raise StopIteration
    try:
        list(h())
    except RuntimeError as e:
        print(e)


@case
def context_managers():
    class CM:
        def __init__(self, suppress): self.suppress = suppress
        def __enter__(self): print("enter"); return "val"
        def __exit__(self, t, v, tb):
            print("exit", t.__name__ if t else None, repr(v), tb is not None)
            return self.suppress
    with CM(False) as v:
        print("body", v)
    with CM(True):
        raise ValueError("swallowed")
    try:
        with CM(False):
            raise KeyError("kept")
    except KeyError as e:
        print("propagated", repr(e))
    import contextlib
    @contextlib.contextmanager
    def cm():
        print("setup")
        try:
            yield 1
        finally:
            print("teardown")
    with cm() as x:
        print("in", x)
    with contextlib.suppress(ZeroDivisionError):
        1 / 0
    print("after suppress")
    try:
        with object():
            pass
    except TypeError as e:
        print(e)


for fn in CASES:
    try:
        fn()
    except Exception as e:
        print(fn.__name__, "!!", type(e).__name__ + ":", e)
