#== literal_ints
a = 0
b = 1_000_000
c = 0xff
d = 0o777
e = 0b1010
f = -1
g = 10 ** 100
#== literal_floats
a = 3.14
b = 1e-10
c = 1e300 * 1e10
d = -0.0
e = 0.0
f = 1.5e+3
#== literal_complex
z = 3 + 4j
w = 2j
v = -1j
u = 1.5 - 2.5j
#== literal_strings
s = "double"
t = 'single'
u = """triple"""
r = r"raw\n"
e = ""
#== literal_bytes
b = b"bytes"
raw = rb"\x00"
empty = b""
#== literal_none_bool_ellipsis
a = None
b = True
c = False
d = ...
#== literal_list_small
a = []
b = [1]
c = [1, 2]
d = [1, 2, 3]
e = [x, 1, 2]
#== literal_list_big_constant
data = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]
#== literal_list_big_mixed
data = [a, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, b]
#== literal_tuple
a = ()
b = (1,)
c = (1, 2, 3)
d = (x, y)
e = 1, "two", 3.0
f = ((1, 2), (3, 4))
#== literal_tuple_big_nonconstant
t = (a, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, b)
#== literal_set
a = {1}
b = {1, 2}
c = {1, 2, 3}
d = {x, y, z}
e = {"a", "b", "c", "d"}
#== literal_dict_small
a = {}
b = {"k": 1}
c = {"a": 1, "b": 2}
d = {x: 1, y: 2}
e = {1: x, 2: y, 3: z}
#== literal_dict_big
config = {
    "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8,
    "i": 9, "j": 10, "k": 11, "l": 12, "m": 13, "n": 14, "o": 15, "p": 16,
    "q": 17, "r": 18,
}
#== literal_dict_big_nonconstant_keys
d = {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17}
#== literal_dict_unpack
merged = {**defaults, **overrides}
mixed = {"a": 1, **rest, "b": 2}
#== literal_starred
a = [*xs]
b = (*xs, *ys)
c = {*xs, 1}
d = [1, *xs, 2]
e = *xs, 3
#== literal_nested_constants
matrix = ((1, 2, 3), (4, 5, 6), (7, 8, 9))
config = [("a", 1), ("b", 2), ("c", 3)]
#== fold_arith
a = 1 + 2
b = 2 * 3 + 4
c = 10 - 20
d = 7 / 2
e = 7 // 2
f = -7 // 2
g = 7 % 3
h = -7 % 3
i = 2 ** 10
j = 2 ** -1
k = 1 << 10
l = 1024 >> 3
m = 0xff & 0x0f
n = 0xf0 | 0x0f
o = 6 ^ 3
#== fold_float_arith
a = 1.5 + 2.25
b = 0.1 + 0.2
c = 10 / 3
d = 7.5 // 2
e = -7.5 % 2
f = 2.0 ** 0.5
g = 1 / 3.0
h = 1e308 * 10
i = 3.0 ** 2
j = 1.1 ** 3
#== fold_complex
a = (1 + 2j) * (3 - 4j)
b = (1 + 2j) / (3 - 4j)
c = 1j ** 2
d = (2 + 0j) ** 0.5
#== fold_unary
a = -5
b = +5
c = ~5
d = not 1
e = not 0
f = -(-5)
g = ~True
h = -True
i = not None
#== fold_strings
a = "ab" + "cd"
b = "ab" * 3
c = 3 * "xy"
d = "x" * 0
e = "-" * 60
f = b"ab" + b"cd"
g = "abc"[1]
h = "abc"[-1]
i = b"abc"[0]
#== fold_string_limits
a = "x" * 4096
b = "x" * 4097
c = "ab" * 2048
d = "ab" * 2049
e = "x" * -1
#== fold_tuples
a = (1, 2) + (3, 4)
b = (0,) * 5
c = (1, 2, 3)[1]
d = (1, 2) * 128
e = (1, 2) * 129
f = (1,) * 256
g = (1,) * 257
h = ((1, 2),) * 200
#== fold_int_limits
a = 2 ** 128
b = 2 ** 129
c = 10 ** 38
d = 10 ** 39
e = 1 << 127
f = 1 << 128
g = 12345678901234567890 * 98765432109876543210
h = 2 ** 64 * 2 ** 64
#== fold_errors_not_folded
a = 1 / 0
b = 1 // 0
c = 1 % 0
d = 1 << -1
e = "a" + 1
f = "%d" % 5
g = "abc"[10]
h = [1, 2][0]
i = 0.0 ** -1
#== fold_bool_ops_not_folded
a = True and False
b = 1 or 2
c = True & False
d = True | False
e = True ^ True
f = True + True
#== fold_comparisons_not_folded
a = 1 < 2
b = "a" == "a"
#== fold_in_list_to_tuple
if x in [1, 2, 3]:
    pass
if y not in [a, b]:
    pass
#== fold_in_set_to_frozenset
if x in {1, 2, 3}:
    pass
if y in {a, b}:
    pass
#== fold_for_list_to_tuple
for x in [1, 2, 3]:
    print(x)
for y in [a, b]:
    print(y)
for z in {1, 2}:
    print(z)
#== fold_not_in_compare
a = not x in y
b = not x is y
c = not x is not y
d = not x == y
e = not (x < y)
#== fold_debug
if __debug__:
    print("debug")
x = __debug__
#== fold_nested_expression
SIZE = 1024 * 1024 * 8
MASK = (1 << 20) - 1
HALF = 0.5 * (1 + 2)
#== fold_constant_if
if 0:
    print("never")
if 1:
    print("always")
if "":
    x = 1
else:
    x = 2
while 0:
    pass
#== fold_constant_while_true
while 1:
    if done():
        break
#== fold_constant_and_or
x = 0 and f()
y = 1 or f()
z = "" or f()
#== fold_big_int_literal
big = 123456789012345678901234567890
neg = -123456789012345678901234567890
#== fold_str_mult_unicode
a = "é" * 4096
b = "😀" * 2048
c = "😀" * 2049
#== fold_subscript_tuple_const
x = (1, 2, 3)[5]
y = ("a", "b")[True]
#== fold_docstring_made_by_folding
"a" + "b"
x = 1
#== fold_float_special
a = 1e309
b = -1e309
c = 1e309 - 1e309
d = 0.0 * -1
#== consts_dedup
a = 1
b = 1.0
c = True
d = (1, 1.0, True)
e = 0.0
f = -0.0
g = "1"
#== const_frozenset_in
if c in {"a", "b", "a"}:
    pass
if c in {1, 1.0, True}:
    pass
#== is_literal_warning
if x is 1:
    pass
if x is not "s":
    pass
if None is x:
    pass
#== assert_tuple_warning
assert (x, "message")
