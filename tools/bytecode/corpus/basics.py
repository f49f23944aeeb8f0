#== empty

#== assign_int
x = 1
#== assign_names
a = 1
b = a
c = a + b
#== docstring_module
"""A module docstring."""
x = 2
#== expression_stmt
print("hello")
#== constant_stmt
42
x = 1
#== pass_stmt
pass
#== del_names
a = [1, 2, 3]
del a
#== chained_assign
a = b = c = []
#== aug_assign
total = 0
total += 5
total -= 1
total *= 2
total //= 3
total **= 2
total %= 7
total |= 1
total &= 3
total ^= 2
total <<= 1
total >>= 1
total /= 2
total @= m
#== tuple_unpack
a, b = 1, 2
a, b = b, a
x, y, z = point
#== star_unpack
first, *rest = items
*init, last = items
head, *mid, tail = items
#== nested_unpack
(a, b), c = pairs[0], 3
for (k, v), w in data:
    pass
#== attribute_ops
obj.attr = 1
y = obj.attr
del obj.attr
obj.a.b.c = obj.d.e
#== subscript_ops
d = {}
d["key"] = 1
v = d["key"]
del d["key"]
lst[0] = lst[-1]
#== slices
s = data[1:2]
s = data[::2]
s = data[:]
s = data[1:]
s = data[:-1]
s = data[a:b:c]
data[1:3] = [4, 5]
del data[::2]
m = matrix[1:2, 3]
m = grid[..., 0]
#== if_else
if x > 1:
    y = 1
elif x < -1:
    y = -1
else:
    y = 0
#== if_only
if flag:
    print("on")
#== while_loop
i = 0
while i < 10:
    i += 1
#== while_else_break
n = 10
while n:
    n -= 1
    if n == 3:
        break
else:
    print("done")
#== for_loop
total = 0
for i in range(10):
    total += i
#== for_else_continue
for item in items:
    if not item:
        continue
    if item == "stop":
        break
    process(item)
else:
    finish()
#== nested_loops
for i in range(3):
    for j in range(3):
        if i == j:
            continue
        print(i, j)
#== while_true
while True:
    line = read()
    if not line:
        break
    handle(line)
#== bool_ops
a = x and y
b = x or y
c = x and y or z
d = not x
e = a and b and c and d
f = (a or b) and (c or d)
#== compare_ops
a = x < y
b = x == y != z
c = 1 < x < 10
d = x is None
e = x is not None
f = x in seq
g = x not in seq
h = a < b <= c < d
#== if_compare_chain
if 0 <= i < n:
    use(i)
#== if_bool_complex
if a and (b or c) and not d:
    go()
if not (x and y):
    stop()
#== ifexp
v = a if cond else b
w = (x if x > 0 else -x) + 1
#== walrus
if (n := len(data)) > 10:
    print(n)
while (chunk := f.read(1024)):
    process(chunk)
#== unary
a = -x
b = +x
c = ~x
d = not x
#== binops_all
r = a + b - c * d / e // f % g ** h @ i << j >> k | l & m ^ n
#== global_module
global counter
counter = 0
#== import_simple
import os
import os.path
import collections.abc as cabc
import sys, gc
#== from_import
from os import path, sep
from os.path import join as pjoin
from collections import *
#== relative_import
from . import sibling
from ..pkg import thing as other
from .mod import a, b
#== assert_stmt
assert x > 0
assert isinstance(x, int), "x must be an int"
#== raise_stmt
raise ValueError("bad value")
#== raise_from
try:
    int(s)
except ValueError as e:
    raise TypeError("not a number") from e
#== bare_raise
try:
    risky()
except Exception:
    log()
    raise
