# functools.singledispatch / singledispatchmethod as python3.11 dispatches: by class, by
# annotation, unions, the MRO, ABCs registered implicitly, the registry and the errors
from functools import singledispatch, singledispatchmethod
from collections import OrderedDict
from collections.abc import Mapping, Sequence


@singledispatch
def kind(x):
    return "object"


@kind.register
def _(x: int):
    return "int"


@kind.register(list)
def _(x):
    return "list"


@kind.register
def _(x: dict):
    return "dict"


@kind.register(float | complex)
def _(x):
    return "number"


class MyInt(int):
    pass


class MyDict(OrderedDict):
    pass


class Base:
    pass


class Child(Base):
    pass


@kind.register
def _(x: Base):
    return "base"


cases = [
    "kind(1)", "kind(True)", "kind(MyInt(3))", "kind('s')", "kind([1])", "kind({})", "kind(MyDict())",
    "kind(2.5)", "kind(1j)", "kind(Child())", "kind(None)",
    "kind.dispatch(bool).__name__", "kind.dispatch(object) is kind.registry[object]",
    "sorted(t.__name__ for t in kind.registry)", "type(kind.registry).__name__", "kind.__name__",
    "kind.__wrapped__.__name__", "kind()", "kind.register(3)", "kind.register(print)",
    "kind.registry[int] is kind.dispatch(int)",
]


@singledispatch
def seq(x):
    return "other"


@seq.register
def _(x: Sequence):
    return "sequence"


@seq.register
def _(x: Mapping):
    return "mapping"


cases += ["seq([1])", "seq('ab')", "seq((1,))", "seq({})", "seq(OrderedDict())", "seq(3)"]


class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return f"? {arg!r}"

    @fmt.register
    def _(self, arg: int):
        return f"int {arg}"

    @fmt.register(list)
    def _(self, arg):
        return f"list of {len(arg)}"


f = Formatter()
cases += ["f.fmt(3)", "f.fmt([1, 2])", "f.fmt('x')", "Formatter.fmt.__name__"]
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "->", f"{type(e).__name__}: {e}")
kind._clear_cache()
print(kind(1))
