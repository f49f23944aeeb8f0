from enum import Flag, auto
import functools

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(300) % 1000007, Perm.R | Perm.W, fib.cache_info())

def describe(p):
    match p:
        case {"kind": "point", "x": x, "y": y}:
            return f"pt {x},{y}"
        case [first, *rest] if len(rest) > 2:
            return f"long {first} +{len(rest)}"
        case str() as s:
            return f"str {s!r:>8}"
        case _:
            return "other"

data = [{"kind": "point", "x": i, "y": -i} for i in range(30000)] + [[1, 2, 3, 4]] * 10 + ["abc"]
out = [describe(d) for d in data]
print(out[0], out[-2], out[-1], len(out))
fib.cache_clear()
del data, out
