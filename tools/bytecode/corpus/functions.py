#== def_simple
def greet(name):
    return "Hello, " + name
#== def_no_return
def log(msg):
    print(msg)
#== def_docstring
def area(r):
    """Area of a circle of radius r."""
    return 3.14159 * r * r
#== def_docstring_only
def todo():
    """Not written yet."""
#== def_pass
def nothing():
    pass
#== def_defaults
def connect(host, port=8080, timeout=30.0, retries=3):
    return (host, port, timeout, retries)
#== def_kwonly
def fetch(url, *, timeout=10, verify=True, headers):
    return url, timeout, verify, headers
#== def_posonly
def clamp(value, lo, hi, /, *, strict=False):
    if strict and not lo <= value <= hi:
        raise ValueError(value)
    return max(lo, min(value, hi))
#== def_varargs
def total(*numbers):
    s = 0
    for n in numbers:
        s += n
    return s
#== def_kwargs
def configure(**options):
    for key, value in options.items():
        print(key, "=", value)
#== def_everything
def everything(a, b=1, /, c=2, *args, d, e=5, **kwargs):
    return a, b, c, args, d, e, kwargs
#== def_mutable_default
def append_to(item, target=[]):
    target.append(item)
    return target
#== def_default_expressions
WIDTH = 80
def wrap(text, width=WIDTH * 2, sep=" " + "|" + " "):
    return text[:width] + sep
#== def_annotations
def scale(v: list[float], k: float = 2.0) -> list[float]:
    return [x * k for x in v]
#== def_annotations_all_kinds
def api(a: int, /, b: str, *args: tuple, key: bool = False, **kw: dict) -> None:
    pass
#== def_recursive
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
#== def_fib_memo
cache = {}
def fib(n):
    if n in cache:
        return cache[n]
    if n < 2:
        result = n
    else:
        result = fib(n - 1) + fib(n - 2)
    cache[n] = result
    return result
#== def_locals_order
def f(a, b):
    z = a + b
    y = z * 2
    x = y - a
    del y
    return x
#== def_global
counter = 0
def bump():
    global counter
    counter += 1
    return counter
#== def_global_read_only
LIMIT = 10
def under(x):
    return x < LIMIT
#== closure_simple
def make_adder(n):
    def add(x):
        return x + n
    return add
#== closure_counter_nonlocal
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
#== closure_param_cell
def outer(a, b):
    def inner():
        return a * b
    return inner
#== closure_mixed_cells
def outer(x, y):
    z = x + y
    w = 0
    def inner(k):
        return x + z + k
    def other():
        return y
    return inner, other, w
#== closure_three_levels
def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c
        return level3
    return level2
#== closure_passthrough
def outer():
    secret = 42
    def middle():
        def inner():
            return secret
        return inner
    return middle
#== closure_late_binding
def make_multipliers():
    return [lambda x: i * x for i in range(5)]
#== closure_default_capture
def make_multipliers():
    return [lambda x, i=i: i * x for i in range(5)]
#== closure_del_cell
def f():
    x = 1
    def g():
        return x
    del x
    return g
#== nonlocal_nested
def outer():
    x = 0
    def middle():
        nonlocal x
        x += 1
        def inner():
            nonlocal x
            x *= 2
            return x
        return inner()
    return middle()
#== lambda_simple
square = lambda x: x * x
#== lambda_defaults
f = lambda a, b=2, *c, d=4, **e: (a, b, c, d, e)
#== lambda_no_args
thunk = lambda: 42
#== lambda_in_sort
pairs = [(1, "one"), (3, "three"), (2, "two")]
pairs.sort(key=lambda p: p[1])
#== lambda_closure
def make(n):
    return lambda x: x + n
#== lambda_nested
compose = lambda f, g: lambda x: f(g(x))
#== lambda_conditional
sign = lambda x: -1 if x < 0 else (1 if x > 0 else 0)
#== decorator_simple
def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper

@trace
def add(a, b):
    return a + b
#== decorator_with_args
def repeat(times):
    def decorate(fn):
        def wrapper(*args, **kwargs):
            result = None
            for _ in range(times):
                result = fn(*args, **kwargs)
            return result
        return wrapper
    return decorate

@repeat(3)
def hello():
    print("hi")
#== decorator_stacked
@first
@second(1, 2)
@third.attr
def target():
    pass
#== decorator_functools
import functools

def timed(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
#== decorator_lru_cache
from functools import lru_cache

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
#== def_returns_tuple
def divmod_(a, b):
    return a // b, a % b
#== def_return_constant
def answer():
    return 42
#== def_return_none_explicit
def maybe(x):
    if x:
        return
    return None
#== def_multiline_return
def build(a, b):
    return (
        a +
        b
    )
#== def_early_exit_loop
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            return i
    return -1
#== def_nested_function_call
def outer(data):
    def helper(x):
        return x * 2
    return [helper(d) for d in data]
#== def_unused_locals
def f():
    a = 1
    b = 2
    return 3
#== def_many_locals
def stats(values):
    n = len(values)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / n
    std = var ** 0.5
    lo, hi = min(values), max(values)
    return n, mean, var, std, lo, hi
#== def_global_and_local_same_name
x = 1
def f():
    x = 2
    def g():
        global x
        return x
    return g
#== def_redefine
def f():
    return 1
def f():
    return 2
#== def_in_if
import sys
if sys.version_info >= (3, 11):
    def impl():
        return "new"
else:
    def impl():
        return "old"
#== def_args_as_cells_generator
def gen_closure(n):
    def inner():
        return n
    yield inner
