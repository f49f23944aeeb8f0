import sys
from collections import defaultdict, Counter, OrderedDict, deque
class L(list): pass
class D(dict): pass
class S(set): pass
class B(bytearray): pass
class T(tuple): pass
class Sl(list): __slots__ = ()
class Dd(defaultdict): pass
for x in [[], L(), Sl(), L([1,2,3]), {}, D(), D(a=1), set(), S(), S({1,2}), bytearray(b"ab"), B(b"ab"), (), T((1,2)), defaultdict(int), Dd(int), Counter(), OrderedDict(), deque(), frozenset({1})]:
    print(type(x).__name__, sys.getsizeof(x), x.__sizeof__(), type(x).__basicsize__)
class By(bytes): pass
class I(int): pass
class St(str): pass
class F(float): pass
class Ss(set): __slots__ = ("a", "b")
class Ls(list): __slots__ = ("a",)
for x in [By(b"abc"), I(5), St("abc"), F(1.5), Ss(), Ls([1])]:
    print(type(x).__name__, sys.getsizeof(x), x.__sizeof__(), type(x).__basicsize__)
b = B(b"xyz"); b += b"q"; b.extend(range(3)); print(b, type(b), len(b), b[1:3], type(b[1:3]))
b2 = B(5); print(b2, B(), B([1,2]), B("é", "utf-8"))
from collections import namedtuple
class P(namedtuple("P", "x y")):
    def norm(self): return (self.x ** 2 + self.y ** 2) ** 0.5
t = T((1, 2)); t.tag = "a"; print(t, t.tag, vars(t), sys.getsizeof(t), hasattr(t, "__weakref__"))
i = I(7); i.unit = "m"; print(i + 1, i.unit, sys.getsizeof(i), I.__basicsize__)
p = P(3, 4); p.label = "q"; print(p, p.norm(), vars(p), sys.getsizeof(p), P.__basicsize__)
print(sys.getsizeof(St("héllo")), sys.getsizeof(St("€uro")), St("abc").__sizeof__())
