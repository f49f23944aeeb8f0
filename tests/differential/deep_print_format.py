# Differential script: print(), format(), f-strings and list/tuple reprs whose Python __str__/__repr__/
# __format__ runs in the calling loop (issue 7, stack-18): output, errors, RecursionError texts and depths
# with raised limits. Plain statements printing their results.
import io, sys
class A:
    def __init__(self, n, kids=()):
        self.n = n; self.kids = list(kids)
    def __str__(self):
        print(' ' * self.n + 'node', self.n, *self.kids, sep='|', end=';\n')
        return f'<{self.n}>'
t = A(0, [A(1, [A(2), A(3)]), A(4)])
print(t)
buf = io.StringIO()
print(A(1), A(2), file=buf, flush=True)
print(repr(buf.getvalue()))
class Bad:
    def __str__(self):
        raise ValueError('bad str')
try:
    print(1, Bad(), 3)
except ValueError as e:
    print('caught', e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print(A(5), 'x', sep='--', file=w)
print(w.parts)
class R:
    def __init__(self, n): self.n = n
    def __repr__(self):
        if self.n == 0: return 'R0'
        print(R(self.n - 1))
        return 'R%d' % self.n
print(R(3))
def deep(n):
    class N:
        def __init__(s, k): s.k = k
        def __str__(s):
            return 'leaf' if s.k == 0 else (print(N(s.k - 1)) or 'n%d' % s.k)
    print(N(n))
sys.setrecursionlimit(5000)
deep(1500)
print('done')
class Node:
    def __init__(self, v, *kids):
        self.v = v; self.kids = kids
    def __str__(self):
        inner = ", ".join(f"{k}" for k in self.kids)
        return f"{self.v}({inner})"
    def __format__(self, spec):
        if spec == 'up':
            return f"{self}".upper()
        return format(str(self), spec)
t = Node('a', Node('b', Node('c')), Node('d'))
print(f"{t}")
print(f"{t:>20}|")
print(f"{t:up}")
print(format(t, '^30'))
class Bad:
    def __format__(self, spec):
        return 42
try:
    f"{Bad()}"
except TypeError as e:
    print('TE', e)
try:
    format(Bad(), 'x')
except TypeError as e:
    print('TE2', e)
class Raise:
    def __str__(self):
        raise KeyError('k')
try:
    print(f"x{Raise()}y")
except KeyError as e:
    print('KE', e)
class P:
    pass
try:
    f"{P():>5}"
except TypeError as e:
    print('TE3', e)
print(f"{P()}"[:10])
def chain(n):
    class C:
        def __init__(s, k): s.k = k
        def __str__(s):
            return 'end' if s.k == 0 else f"[{C(s.k - 1)}]"
    return f"{C(n)}"
sys.setrecursionlimit(3000)
print(len(chain(900)))
def deep(n):
    class C:
        def __init__(s, k): s.k = k
        def __str__(s):
            return f"<{C(s.k + 1)}>"
    try:
        f"{C(0)}"
    except RecursionError as e:
        print('RE', e)
deep(0)
class Node:
    def __init__(self, val, children=()):
        self.val = val
        self.children = list(children)
    def __repr__(self):
        return f"Node({self.val!r}, {self.children!r})"
t = Node(1, [Node(2, [Node(3)]), Node('x', (Node(4),))])
print(t)
print(repr((t, [t], {1: 2})))
print(f"{t!s:>60}|")
class Bad:
    def __repr__(self):
        return 5
try:
    print([1, Bad(), 3])
except TypeError as e:
    print('TE', e)
class Boom:
    def __repr__(self):
        raise ValueError('boom')
try:
    f"{[Boom()]!r}"
except ValueError as e:
    print('VE', e)
lst = [1, 2]
lst.append(lst)
print(repr(lst), f"{lst!r}")
n = Node(0)
for i in range(1, 700):
    n = Node(i, [n])
try:
    repr(n)
except RecursionError as e:
    print('RE', e)
sys.setrecursionlimit(5000)
print(len(repr(n)))
d = [0]
class R:
    def __init__(self, n): self.n = n
    def __repr__(self):
        d[0] = self.n
        return f"{[R(self.n + 1)]!r}"
try:
    repr(R(1))
except RecursionError as e:
    print('RE2', d[0], e)
