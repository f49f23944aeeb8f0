# What the eighth held-out sample found (tests/corpus/SAMPLE8.md), one block a finding.
import functools


# func_doc: a function's docstring is its first constant; a lambda and a function without one have None
def documented(x, width=10):
    """Build one row."""
    return [x] * width


def undocumented():
    x = "not a docstring"
    return x


def first_expr_not_str():
    1
    "too late to be a docstring"


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*a, **kw):
        return fn(*a, **kw)
    return wrapper


class Holder:
    def method(self):
        """Method doc."""

    @staticmethod
    def smethod():
        """Static doc."""

    @property
    def prop(self):
        """Property doc."""
        return 1


print(documented.__doc__, undocumented.__doc__, first_expr_not_str.__doc__, (lambda: 0).__doc__)
print(logged(documented).__doc__, logged(undocumented).__doc__, logged(documented).__wrapped__ is documented)
print(Holder.method.__doc__, Holder().method.__doc__, Holder.smethod.__doc__, Holder.prop.__doc__)
documented.__doc__ = "replaced"
print(documented.__doc__)
documented.__doc__ = None
print(documented.__doc__)


class Base:
    @property
    def size(self):
        """Size in bytes."""
        return 1

    @size.setter
    def size(self, v):
        pass

    def _get(self):
        return 2

    plain = property(_get, None, None, "given doc")
    nodoc = property(_get)


class DocProperty(property):
    """Subclass doc."""


class UsesSub:
    @DocProperty
    def x(self):
        """From the getter."""
        return 3


print(Base.size.__doc__, Base.plain.__doc__, Base.nodoc.__doc__, Base.plain.setter(lambda s, v: None).__doc__)
print(UsesSub.x.__doc__, vars(UsesSub.x), UsesSub().x, DocProperty.__doc__)


# reversed() of a class with __len__ and __getitem__ (slot_sq_item: the index as an int)
class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.n))]
        if not 0 <= i < self.n:
            raise IndexError("out of range")
        return i * i


class NoLen:
    def __getitem__(self, i):
        return i


class Short(Squares):
    def __len__(self):
        return self.n + 2


print(list(reversed(Squares(5))), sorted(Squares(4), reverse=True), list(reversed(Short(3))))
for obj in (NoLen(), {1: 2}, 5):
    try:
        reversed(obj)
    except TypeError as e:
        print("TypeError:", e)


# logging's '{' style (StrFormatStyle): str.format over the record's __dict__, validated at creation
import io
import logging

stream = io.StringIO()
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("[{levelname:<7}] {name}: {message!s} ({lineno:d})", style="{"))
lg = logging.getLogger("s8.braces")
lg.addHandler(h)
lg.propagate = False
lg.warning("disk %d%% full", 93)
lg.error("plain {braces} stay")
print(stream.getvalue(), end="")
print(logging.Formatter("{asctime} {message}", style="{").usesTime(), logging.Formatter(style="{")._fmt)
for bad in ("no fields", "{message!x}", "{message", "x } y"):
    try:
        logging.Formatter(bad, style="{")
    except ValueError as e:
        print("ValueError:", e)
try:
    logging.Formatter("x", style="#")
except ValueError as e:
    print("ValueError:", e)


# ga_repr_item: a TypeVar (or any non-type argument) inside list[...] is shown by its repr
from typing import Optional, TypeVar

T = TypeVar("T")


def first(items: list[T]) -> T | None:
    return items[0] if items else None


print(list[T], dict[str, list[T]], first.__annotations__, tuple[T, ...], list[Optional[int]])


# a module's __file__ (the path under the installation differs: compare its shape)
import tracemalloc, math, os, collections.abc

for mod in (tracemalloc, logging, math, os, collections.abc, io):
    f = mod.__file__
    print(mod.__name__, f.split("/lib/python3.11/")[1].replace("cpython-311-x86_64-linux-gnu.", ""), f is mod.__file__)
import sys
print(hasattr(sys, "__file__"), hasattr(math, "__cached__"))
