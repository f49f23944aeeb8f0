import datetime
import gc
import sys


class Plain:
    pass


class Two:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def f(a, b, c=1, *, k=2):
    d = 2

    def g():
        return d
    return g


co = f.__code__
EXPRS = r'''
co.co_varnames, co.co_cellvars, co.co_freevars, f(1, 2).__code__.co_freevars
co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_nlocals, co.co_flags, co.co_firstlineno
co.co_varnames is co.co_varnames, co.co_freevars is co.co_freevars, co.co_varnames[1:co.co_argcount]
datetime.date(2024, 1, 1).isocalendar(), datetime.datetime(2024, 12, 30, 5).isocalendar()
datetime.date(2021, 1, 1).isocalendar(), datetime.date(2020, 12, 31).isocalendar(), datetime.date(2027, 1, 3).isocalendar()
datetime.date(2024, 3, 5).isocalendar().week, datetime.date(2024, 3, 5).isocalendar()[0], tuple(datetime.date(2010, 1, 3).isocalendar())
type(datetime.date(2024, 1, 1).isocalendar()).__name__, isinstance(datetime.date(2024, 1, 1).isocalendar(), tuple)
format("ab", "05"), format(5, ">06b"), format(-5, "<05"), format(-5, "^07d"), format(1.5, ">08.2f"), format(-3, "05"), format(7, "x<05")
"{:>06b}|{:<08.3f}|{:^06}|{:05}|{:>05s}".format(5, 2.5, -7, "zz", "q")
sys.getsizeof(vars(Plain())), sys.getsizeof(vars(Two(1, 2))), sys.getsizeof(Two(1, 2).__dict__)
'''
for line in EXPRS.strip().splitlines():
    line = line.strip()
    if not line:
        continue
    try:
        r = eval(line)
        out = repr(r)
    except Exception as e:
        out = type(e).__name__ + ": " + str(e)
    print(line[:30], "=>", out)


# gc: every __del__ of a cycle runs before the cycle is cleared (finalize_garbage), a finalizer
# that stores its object resurrects it and what it reaches (handle_resurrected_objects)
events = []
saved = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        events.append(self.name)


class Phoenix(Tracked):
    def __del__(self):
        events.append("phoenix " + self.name + " " + self.other.name)
        saved.append(self)


class Breaker(Tracked):
    def __del__(self):
        events.append("breaker " + self.name)
        del self.other


gc.collect()
x, y = Tracked("x"), Tracked("y")
x.other, y.other = y, x
del x, y
print(gc.collect(), events)
a, b = Phoenix("p"), Tracked("q")
a.other, b.other = b, a
del a, b
print(gc.collect(), events, len(saved), saved[0].other.name)
events.clear()
saved.clear()
print(gc.collect(), events)
c, d = Breaker("c"), Tracked("d")
c.other, d.other = d, c
del c, d
print(gc.collect(), events)
ring = [Tracked(f"r{i}") for i in range(4)]
for i in range(4):
    ring[i].other = ring[(i + 1) % 4]
ring = None
print(gc.collect(), events)

# MATCH_KEYS: a mapping pattern whose second key is missing releases a partly filled values
# tuple (its unset items must be NULL, not a reused slot's stale handle)
stats = {"clicks": 0, "keys": 0, "shifted": 0, "resizes": 0, "other": 0}
for i in range(2000):
    kind = i % 4
    if kind == 0:
        ev = {"type": "click", "pos": [i % 800, i % 600], "button": "left"}
    elif kind == 1:
        ev = {"type": "key", "key": chr(97 + i % 26), "mods": ["shift"] if i % 8 == 1 else []}
    elif kind == 2:
        ev = {"type": "resize", "size": (1024, 768 + i % 10)}
    else:
        ev = {"type": "unknown", "payload": i}
    match ev:
        case {"type": "click", "pos": [x, y], **rest} if x > 10:
            stats["clicks"] += 1
        case {"type": "key", "key": str(k), "mods": ["shift", *_]}:
            stats["shifted"] += 1
        case {"type": "key"}:
            stats["keys"] += 1
        case {"type": "resize", "size": (w, h)}:
            stats["resizes"] += 1
        case _:
            stats["other"] += 1
print(stats)

# pathlib's pure paths: suffixes, relative_to, match, as_posix
from pathlib import PurePosixPath, PurePath
p = PurePosixPath("/srv/data/y2021/m02/log_1.txt.gz")
root = PurePosixPath("/srv/data")
print(p.suffixes, PurePosixPath("a.").suffixes, PurePosixPath(".bashrc").suffixes, PurePosixPath("x.tar.gz").suffixes)
print(p.relative_to(root), p.relative_to("/srv", "data"), p.relative_to("/"), PurePosixPath("a/b").relative_to("a"))
print(PurePosixPath("/srv/data/y2020").match("*/y20*"), p.match("*.gz"), p.match("/srv/*"), p.match("m0[1-3]/*.gz"), p.match("m0[!2]/*"), p.match("?og_1.txt.gz"))
print(p.as_posix(), PurePath("a/b/../c").parts)
try:
    p.relative_to("/etc")
except ValueError as e:
    print(e)

# datetime.astimezone to a datetime.timezone
from datetime import datetime as _dt, timedelta as _td, timezone as _tz
utc = _dt(2024, 3, 1, 22, 45, 7, 123, tzinfo=_tz.utc)
ist = _tz(_td(hours=5, minutes=30))
print(utc.astimezone(ist).isoformat(), utc.astimezone(ist) == utc, utc.astimezone(_tz.utc) is utc)
print(repr(utc.astimezone(_tz(_td(hours=-8), "PST"))))
print(utc.astimezone(ist).astimezone(_tz.utc) == utc)
try:
    utc.astimezone(5)
except TypeError as e:
    print(e)

# timedelta // timedelta (an int), // int, % timedelta
print(_td(hours=36) // _td(days=1), _td(hours=36) // 5, _td(hours=-36) // _td(days=1), _td(hours=36) % _td(days=1), _td(hours=-36) % _td(days=1), _td(days=1) // _td(seconds=7))
for bad in (_td(0), 0):
    try:
        _td(1) // bad
    except ZeroDivisionError as e:
        print(e)

# collections.UserDict / UserList
from collections import UserDict, UserList


class D(UserDict):
    def __missing__(self, key):
        return key * 2


d = D(a=1)
print(d["zz"], d, d | {"b": 2}, {"c": 3} | d, len(d), list(d), d.get("a"), d.get("q", 0), d.pop("a"), d)
u = UserList([3, 1, 2])
u.sort()
u += [9]
print(u, u[1:], type(u[1:]).__name__, u * 2, [0] + u, u == [1, 2, 3, 9], u.index(9), 9 in u)
print(UserDict.fromkeys("ab", 0), D.fromkeys("x").__class__.__name__, UserDict({"k": 1}).copy(), D({"k": 1}).copy())
try:
    UserDict()["nope"]
except KeyError as e:
    print("KeyError", e)
