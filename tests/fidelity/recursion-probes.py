# Recursion accounting probes (tests/fidelity/recursion.test.ts). Each line: NAME LEVELS MESSAGE,
# LEVELS the deepest level reached (a recursion) or the deepest nesting that worked (a container
# operation), MESSAGE the RecursionError's text past it. Run by the real CPythons (as
# `python3 recursion-probes.py`, PYTHONHASHSEED=0) and by the simulator.
import copy, functools, json, pickle, sys

def report(name, levels, err):
    print(name, levels, repr(str(err)) if err is not None else "ok")

def recursion(name, setup):
    reached = [0]
    try:
        setup(reached)
        report(name, reached[0], None)
    except RecursionError as e:
        report(name, reached[0], e)

def plain(d):
    def f(n):
        d[0] = n
        return f(n + 1)
    f(1)

def lru(d):
    @functools.lru_cache(maxsize=None)
    def ways(n):
        d[0] = n
        return ways(n + 1) + 1
    ways(1)

def instantiate(d):
    class Node:
        def __init__(self, n):
            d[0] = n
            self.child = make(n + 1)
    def make(n):
        return Node(n)
    make(1)

def dunder_call(d):
    class C:
        def __call__(self, n):
            d[0] = n
            return self(n + 1)
    C()(1)

def chain(kind):
    def setup(d):
        class Link:
            def __init__(self, inner, n):
                self.inner = inner
                self.n = n
        def text(self):
            if self.n > d[0]:
                d[0] = self.n
            return "L(" + (repr(self.inner) if kind == "repr" else str(self.inner)) + ")"
        setattr(Link, "__" + kind + "__", text)
        x = None
        for i in range(3000):
            x = Link(x, 3000 - i)
        repr(x) if kind == "repr" else str(x)
    return setup

for name, setup in [("plain", plain), ("lru_cache", lru), ("instantiate", instantiate),
                    ("dunder_call", dunder_call), ("repr_chain", chain("repr")), ("str_chain", chain("str"))]:
    recursion(name, setup)

def nest(n):
    x = []
    for _ in range(n):
        x = [x]
    return x

def nest_tuple(n):
    x = ()
    for _ in range(n):
        x = (x,)
    return x

class Inst:
    def __init__(self, inner):
        self.inner = inner

def nest_instance(n):
    x = None
    for _ in range(n):
        x = Inst(x)
    return x

def nest_frozenset(n):
    x = frozenset()
    for _ in range(n):
        x = frozenset([x])
    return x

def deepest(name, op, guess):
    # the deepest nesting that works, looked for near `guess` (the real 3.11.7's) in both directions
    def works(n):
        try:
            op(n)
            return None
        except RecursionError as e:
            return e
    n = guess
    if works(n) is None:
        while works(n + 1) is None and n < guess + 20000:
            n += 1
    else:
        while works(n) is not None and n > 1:
            n -= 1
    report(name, n, works(n + 1))

# Py_C_RECURSION_LIMIT: none on 3.11 (the frames' 1000), 1500 on 3.12, 10000 on 3.13
C = {11: 990, 12: 1490, 13: 9990}[sys.version_info[1]]
for name, op, guess in [
    ("eq_list", lambda n: nest(n) == nest(n), C),
    ("eq_tuple", lambda n: nest_tuple(n) == nest_tuple(n), C),
    ("json_dumps", lambda n: json.dumps(nest(n)), C),
    ("json_loads", lambda n: json.loads("[" * n + "]" * n), C),
    ("str_list", lambda n: str(nest(n)), C),
    ("deepcopy", lambda n: copy.deepcopy(nest(n)), 490),
    # through copy._reconstruct: its frame, and a set's <genexpr> frame, on the count
    ("deepcopy_instance", lambda n: copy.deepcopy(nest_instance(n)), 249),
    ("deepcopy_frozenset", lambda n: copy.deepcopy(nest_frozenset(n)), 198),
    ("pickle_dumps", lambda n: pickle.dumps(nest(n)), C // 2),
]:
    deepest(name, op, guess)

def f(n):
    if n == 0:
        return 0
    return f(n - 1) + 1

def g(n):
    try:
        return g(n + 1)
    except RecursionError:
        return n

first = g(1)
print("caught_twice_same", g(1) == first)
sys.setrecursionlimit(10**4)
print("limit_10000", f(5000))
sys.setrecursionlimit(1000)
