#== ann_module_simple
x: int = 1
y: str
#== ann_module_complex_targets
obj.attr: int = 3
d["key"]: float = 1.5
lst[0]: int
obj.other: str
(paren): int = 5
#== ann_class_body
class Point:
    x: int
    y: int = 0
    label: "str" = "origin"
#== ann_function_locals
def f():
    count: int = 0
    name: str
    count += 1
    return count
#== ann_in_loop_if
for i in range(3):
    value: int = i
if flag:
    other: bool = True
#== ann_try_with
try:
    z: int = 1
except Exception:
    pass
with ctx():
    w: int = 2
#== ann_nested_class_mangled
class Outer:
    __private: int = 1
    class Inner:
        __secret: str
#== ann_slice_targets
x[1:2]: list
x[1:2, 3]: list
#== future_annotations_function
from __future__ import annotations

def f(a: int, b: list[str] = [], *args: tuple[int, ...], c: dict[str, int] | None = None, **kw: object) -> Optional[int]:
    return None
#== future_annotations_module_vars
from __future__ import annotations
x: int = 1
y: list[dict[str, tuple[int, float]]]
obj.attr: int = 2
#== future_annotations_class
from __future__ import annotations

class Node:
    value: int
    next: Node | None = None
    children: list[Node]

    def add(self, other: Node) -> Node:
        return other
#== future_annotations_expressions
from __future__ import annotations
a: 1 + 2 * 3
b: (1 + 2) * 3
c: 2 ** 3 ** 4
d: (2 ** 3) ** 4
e: -x ** 2
f: (-x) ** 2
g: not a and b or c
h: a if b else c
i: lambda x, y=1: x + y
j: [x for x in y if x]
k: {k: v for k, v in d.items()}
l: (x for x in y)
m: f(a, *b, c=1, **d)
n: x[1:2, ::3]
o: "string"
p: b"bytes"
q: 1.5
r: 1e309
s: ...
t: None
u: {1, 2}
v: {1: 2, **w}
w: (1,)
x_: ()
y_: a.b.c
z_: 1 .real
#== future_annotations_fstring
from __future__ import annotations
a: f"{x!r:>{width}} and {y}"
b: f"{ {1: 2}[1] }"
#== future_annotations_compare_ops
from __future__ import annotations
a: x < y <= z
b: x is not None
c: x not in y
d: a | b & c ^ d
e: a << b >> c
f: a @ b // c % d / e
g: ~a + -b - +c
#== future_annotations_lambda_varargs
from __future__ import annotations
a: lambda *args, **kw: 0
b: lambda: 1
c: lambda a, /, b, *, c: 0
d: lambda *, k=1: k
#== future_other_features
from __future__ import generator_stop, division, print_function
x = 1
#== future_after_docstring
"""Docstring."""
from __future__ import annotations
def f(x: int) -> int:
    return x
#== ann_posonly_kwonly
def f(a: int, /, b: str = "", *, c: float) -> bool:
    return True
#== ann_star_args
def f(*args: int, **kwargs: str) -> None:
    pass
#== ann_generic_subscript
from typing import Dict, List, Optional
def f(x: Dict[str, List[int]], y: Optional["Node"] = None) -> "List[str]":
    return []
#== ann_in_class_method_returns
class C:
    def m(self) -> "C":
        return self
    def n(self, other: "C") -> bool:
        return self is other
