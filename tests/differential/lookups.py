# Differential script: which __eq__ and __hash__ calls dict and set lookups make (lookdict, set_lookkey),
# printed from the dunders, so the count and order of calls are held to python3.11's.
class K:
    def __init__(self, v, h=1): self.v = v; self.h = h
    def __hash__(self): print("hash", self.v); return self.h
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, K) and self.v == o.v
    def __repr__(self): return f"K({self.v})"
a, b, c = K(1), K(2), K(1)
d = {a: "a"}
d[b] = "b"
print(len(d), d[c], b in d, K(3) in d)
print(d.get(K(2)), d.setdefault(K(5), 5), d.pop(K(1)))
s = {a, b, c}
print(len(s), K(2) in s)
s.discard(K(2)); print(len(s))
print({K(1): 1} == {K(1): 1})
print([a, b].index(K(2)), [a, b].count(K(1)), K(1) in (a, b))
class H:
    __hash__ = lambda s: 1
h1, h2 = H(), H()
print(len({h1, h2}), len({h1: 1, h2: 2}))
class I:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v
    def __eq__(self, o): print("I.eq", self.v, o); return self.v == o
print({1: "one"}.get(I(1)), I(2) in {2}, 2 in {I(2)})
class Bad:
    def __hash__(self): return 1
    def __eq__(self, o): raise ValueError("bad eq")
try:
    {Bad(): 1, Bad(): 2}
except ValueError as e: print("VE", e)
from collections import Counter, OrderedDict, defaultdict
print(Counter([K(1), K(1), K(2)]))
od = OrderedDict(); od[K(1)] = 1; od[K(1)] = 2; od[K(3)] = 3; print(od)
print({(K(1), 2): 1}[(K(1), 2)])
print(frozenset([K(1)]) == frozenset([K(1)]))
from collections import deque
k1, k2, k3 = K(1), K(2), K(1)
print({k: 0 for k in (k1, k2, k3)})
print(len(set([k1, k2, k3])), len({k for k in (k1, k2, k3)}), len(frozenset((k1, k2, k3))))
dd = defaultdict(list); dd[K(1)].append(1); dd[K(1)].append(2); print(dict(dd))
print(dict.fromkeys([k1, k3, k2]))
kv = {k1: 1, k2: 2}
print(kv.keys() & {K(2)}, kv.keys() - {K(1)}, {K(1)} <= kv.keys())
print(K(2) in deque([k1, k2]), [k1, k2, k3].remove(K(2)), (k1,).count(K(1)))
print({k1: 1} | {K(1): 2}, {**{k1: 1}, **{K(1): 3}})
s2 = {k1, k2}; s2.remove(K(1)); print(s2)
try:
    s2.remove(K(9, 2))
except KeyError as e:
    print("KeyError", e)
class Mut:
    def __init__(self, d): self.d = d
    def __hash__(self): return 7
    def __eq__(self, o):
        print("mutating")
        self.d.clear()
        return False
dm = {}
dm[Mut(dm)] = 1
print(Mut(dm) in dm, len(dm))
class BadHash:
    def __hash__(self): raise RuntimeError("no hash")
try:
    {BadHash(): 1}
except RuntimeError as e:
    print("RuntimeError", e)
try:
    BadHash() in {1, 2}
except RuntimeError as e:
    print("RuntimeError", e)
class Unh:
    def __eq__(self, o): return True
try:
    {Unh()}
except TypeError as e:
    print(e)
print(hash((K(1), 2)) == hash((K(1), 2)), {(K(1), 2), (K(1), 2)} == {(K(1), 2)})
