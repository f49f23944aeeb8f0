# Every binary operator over 15 values of the built-in types: the result's repr or the error's type
# and message, as python3.11 gives them (the lead's differential; found bytearray * n and dict | dict).
vals = [1, -3, 2.5, True, "ab", b"ab", bytearray(b"xy"), [1, 2], (1, 2), {1, 2}, frozenset({2, 3}), {1: 2}, None, range(3), 10**30]
import sys
names = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "<=", ">", ">=", "==", "!="]
import operator
fns = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv, operator.mod, operator.pow, operator.lshift, operator.rshift, operator.and_, operator.or_, operator.xor, operator.lt, operator.le, operator.gt, operator.ge, operator.eq, operator.ne]
for i, a in enumerate(vals):
    for j, b in enumerate(vals):
        for n, f in zip(names, fns):
            if n in ('**', '<<') and isinstance(a, int) and isinstance(b, int) and abs(b) > 100:
                continue
            try:
                r = f(a, b)
                if isinstance(r, (str, bytes, bytearray, list, tuple)) and len(r) > 40:
                    r = (type(r).__name__, len(r))
                out = repr(r)
            except Exception as e:
                out = type(e).__name__ + ": " + str(e)
            print(i, j, n, out)
