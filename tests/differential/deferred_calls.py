# Differential script: C code calling Python functions that run in the calling loop (issue 7,
# runtime/deferred.ts): for over map/filter, min/max(key=), functools.reduce, str() of __str__.
# One expression (or `stmts; r = value`) per line; each prints its repr or `Type: message`.
import functools

def sq(x): return x * x
def odd(x): return x % 2
def stop_at_2(x):
    if x == 2: raise StopIteration
    return x
def boom_at_3(x):
    if x == 3: raise ValueError("three")
    return x
def deep_map(n):
    d[0] = n
    for x in map(deep_map, [n + 1]):
        return x
def deep_reduce(a, b):
    d[0] = b
    return functools.reduce(deep_reduce, [a, b + 1])
def deep_key(n):
    d[0] = n
    return min([n + 1], key=deep_key)
class S:
    def __init__(self, n): self.n = n
    def __str__(self):
        d[0] = self.n
        return str(S(self.n + 1))
def str_deep():
    return str(S(1))
class P:
    def __init__(self, x): self.x = x
    def __str__(self): return "P(%d)" % self.x
class Bad:
    def __str__(self): return 7
class Boom:
    def __str__(self): raise KeyError("k")
class Sub(str): pass
class Q:
    def __str__(self): return Sub("q")
class NoLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): raise TypeError("unorderable")

def levels(fn, *a):
    d[0] = 0
    try:
        fn(*a)
    except RecursionError as e:
        return d[0] > 100, str(e)

d = [0]
EXPRS = r'''
r = [v for v in map(sq, range(6))]
r = []; [r.append(v) for v in filter(odd, range(9))]
r = "empty"; [r for v in filter(odd, [2, 4])]
r = []; exec("for v in map(stop_at_2, range(5)): r.append(v)"); r = r
r = []; exec("for v in filter(stop_at_2, range(5)): r.append(v)"); r = r
r = []; exec("for v in map(boom_at_3, range(5)): r.append(v)")
r = list(zip(map(sq, range(3)), filter(odd, range(6))))
levels(deep_map, 1)
min(["pear", "fig", "banana"], key=len), max(["pear", "fig", "banana"], key=len)
min(3, 1, 2, key=lambda x: -x), max([], default="none"), min([], key=len, default=0)
min(["a", "bb", "kiwi"], key=lambda s: {"kiwi": 1}[s])
min([1, 2], key=NoLt)
max([], key=len)
max(range(1000), key=lambda i: (i * 7919) % 1009)
levels(deep_key, 1)
functools.reduce(lambda a, b: a + b, range(10)), functools.reduce(max, [3, 9, 2])
functools.reduce(lambda a, b: a + [b], "abc", [])
functools.reduce(boom_at_3, range(6))
functools.reduce(sq, [])
functools.reduce(boom_at_3, [7])
levels(deep_reduce, 0, 1)
str(P(3)), str(Q()), type(str(Q())).__name__
str(Bad())
str(Boom())
[str(P(i)) for i in range(12)][-1]
levels(str_deep)
'''

G = globals()
for line in EXPRS.strip().splitlines():
    line = line.strip()
    if not line:
        continue
    try:
        try:
            r = eval(line, G)
        except SyntaxError:
            exec(line, G)
            r = G["r"]
        out = repr(r)
    except Exception as e:
        out = type(e).__name__ + ": " + str(e)
    print(line[:40], "=>", out)
