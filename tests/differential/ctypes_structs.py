import ctypes
A = ctypes.c_int * 10
a = A(1, 2, 3)
print(type(A).__name__, A.__name__, len(a), a[0], a[2], a[9], a[-1], list(a)[:4], a[1:4])
a[5] = 2**33 + 7
print(a[5], ctypes.sizeof(A), ctypes.sizeof(a))
D = ctypes.c_double * 3
d = D(1.5, 2.5)
print(list(d))
class MI(ctypes.Structure):
    _fields_ = [("arena", ctypes.c_size_t), ("ordblks", ctypes.c_int), ("x", ctypes.c_char * 5), ("d", ctypes.c_double)]
m = MI(5, -3)
print(type(MI).__name__, ctypes.sizeof(MI), MI.arena, MI.ordblks, MI.x, MI.d)
m.x = b"hi"
m.d = 2.25
print(m.arena, m.ordblks, m.x, m.d)
class U(ctypes.Union):
    _fields_ = [("i", ctypes.c_uint32), ("f", ctypes.c_float)]
u = U()
u.f = 1.0
print(hex(u.i), ctypes.sizeof(U))
b = ctypes.create_string_buffer(b"hello world")
ctypes.memset(b, ord("x"), 3)
print(b.value, ctypes.string_at(b, 4), ctypes.string_at(ctypes.addressof(b) + 6))
c = ctypes.create_string_buffer(20)
r = ctypes.memmove(c, b, 5)
print(c.value, r == ctypes.addressof(c))
class P(ctypes.Structure):
    _fields_ = [("a", ctypes.c_char), ("b", ctypes.c_int), ("c", ctypes.c_short)]
class Q(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("a", ctypes.c_char), ("b", ctypes.c_int), ("c", ctypes.c_short)]
print(ctypes.sizeof(P), ctypes.sizeof(Q), P.b, Q.b, P.c)
class Outer(ctypes.Structure):
    _fields_ = [("p", P), ("arr", ctypes.c_int * 4)]
o = Outer()
o.p.b = 42
o.arr[2] = 9
print(o.p.b, list(o.arr), ctypes.sizeof(Outer))
m2 = MI(arena=7)
print(m2.arena, m2.ordblks)
try:
    MI(1, 2, b"x", 1.0, 5)
except TypeError as e:
    print("TypeError", e)
try:
    A(*range(11))
except IndexError as e:
    print("IndexError", e)
try:
    ctypes.Structure()
except TypeError as e:
    print("TypeError", e)
print((ctypes.c_char * 3) * 2, ctypes.sizeof((ctypes.c_char * 3) * 2))
class Pt(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int)]
pts = (Pt * 3)()
print(ctypes.sizeof(pts), type(pts).__name__)
B = ctypes.c_ubyte * 4
bb = B(255, 1, 2, 3)
bb[1] = 300
print(list(bb), bytes(ctypes.string_at(bb, 4)))
try:
    ctypes.c_int * -1
except ValueError as e:
    print("ValueError", e)
try:
    a[10]
except IndexError as e:
    print("IndexError", e)
try:
    m.arena = "x"
except TypeError as e:
    print("TypeError", e)
print(MI.arena.offset, MI.x.size, MI.d.offset)
r = ctypes.byref(m)
print(r._obj is m, type(r).__name__)
try:
    ctypes.byref(5)
except TypeError as e:
    print("TypeError", e)
