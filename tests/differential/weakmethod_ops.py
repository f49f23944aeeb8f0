# weakref.WeakMethod as python3.11 behaves: the method rebuilt while its instance and function live,
# None after either dies, the callback run once, equality and hashing, the errors; types.MethodType
import gc
import types
import weakref


class W:
    def __init__(self, n):
        self.n = n

    def m(self, k=1):
        return self.n * k

    def __repr__(self):
        return f"W({self.n})"


cases = [
    "w = W(3); r = weakref.WeakMethod(w.m)()(5)",
    "w = W(3); wm = weakref.WeakMethod(w.m); r = (wm() == w.m, wm() is w.m, wm().__self__ is w)",
    "w = W(3); wm = weakref.WeakMethod(w.m); del w; gc.collect(); r = wm()",
    "seen = []; w = W(3); wm = weakref.WeakMethod(w.m, seen.append); del w; r = (len(seen), seen[0] is wm, wm())",
    "seen = []; w = W(3); wm = weakref.WeakMethod(w.m, seen.append); w.m; del w; gc.collect(); r = len(seen)",
    "w = W(3); a = weakref.WeakMethod(w.m); b = weakref.WeakMethod(w.m); r = (a == b, a != b, hash(a) == hash(b), a is b)",
    "w = W(3); v = W(3); r = (weakref.WeakMethod(w.m) == weakref.WeakMethod(v.m))",
    "w = W(3); a = weakref.WeakMethod(w.m); b = weakref.WeakMethod(w.m); del w; r = (a == b, a == a, a != b)",
    "w = W(3); r = weakref.WeakMethod(w.m) == weakref.ref(w)",
    "w = W(3); r = len({weakref.WeakMethod(w.m), weakref.WeakMethod(w.m)})",
    "r = weakref.WeakMethod(W)",
    "r = weakref.WeakMethod(lambda: 1)",
    "w = W(3); r = (isinstance(weakref.WeakMethod(w.m), weakref.ref), type(weakref.WeakMethod(w.m)).__name__)",
    "w = W(3); wm = weakref.WeakMethod(w.m); r = weakref.getweakrefcount(w)",
    "w = W(2); r = types.MethodType(W.m, w)(4)",
    "w = W(2); r = types.MethodType(W.m, w) == w.m",
    "r = types.MethodType(W.m, None)",
    "r = types.MethodType(1, W(1))",
    "r = types.MethodType(W.m)",
    "r = weakref.WeakMethod.__hash__ is weakref.ref.__hash__",
    "r = weakref.ref.__hash__(weakref.ref(W)) == hash(W)",
    "r = int.__hash__(7), str.__hash__('') ",
    "r = (list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__, object.__hash__, frozenset.__hash__ is None)",
    "r = (type('L', (list,), {}).__hash__, hasattr([], '__hash__'), [].__hash__)",
]
for case in cases:
    try:
        g = {"weakref": weakref, "gc": gc, "types": types, "W": W}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
