#== break_in_named_handler
for x in xs:
    try:
        op(x)
    except ValueError as e:
        if fatal(e):
            break
        continue
#== return_in_named_handler_with_finally
def f():
    try:
        return op()
    except OSError as err:
        return err.errno
    finally:
        close()
#== continue_in_finally_end
for x in xs:
    try:
        op(x)
    finally:
        if x:
            continue
#== return_value_through_with_and_finally
def f(lock, log):
    try:
        with lock:
            for i in range(3):
                if i == 2:
                    return i * 10
    finally:
        log.close()
#== break_through_with_in_loop_try
while True:
    try:
        with ctx() as c:
            if c.done:
                break
    except Exception:
        pass
#== import_dotted_as_in_function
def f():
    import collections.abc as cabc
    import os.path
    from . import sibling as sib
    return cabc, os, sib
#== nonlocal_from_method
def outer():
    count = 0
    class C:
        def inc(self):
            nonlocal count
            count += 1
            return count
    return C
#== super_in_nested_def_in_method
class C(B):
    def m(self):
        def inner():
            return super(C, self).m()
        def inner2():
            return __class__
        return inner(), inner2()
#== class_cell_assignment_in_body
class C:
    __class__ = 1
    def m(self):
        return __class__
#== chained_assign_mixed_targets
a.b = c[0] = d = e, f = 1, 2
#== augassign_in_closure
def outer():
    total = 0
    items = {}
    def add(k, v):
        nonlocal total
        total += v
        items[k] += v
        add.calls += 1
    return add
#== call_star_then_positional
f(*a, b, *c, d)
g(x, *[1, 2, 3])
h(**{"a": 1})
#== dict_unpack_then_many_keys
d = {**base, "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10, "k": 11, "l": 12, "m": 13, "n": 14, "o": 15, "p": 16, "q": 17}
#== walrus_in_while_and
while (line := f.readline()) and not line.startswith("#"):
    handle(line)
#== walrus_in_setcomp_and_genexp
s = {y for x in data if (y := g(x))}
def h(data):
    any((hit := x) > 10 for x in data)
    return hit
#== yield_as_statement_and_value
def g():
    x = yield
    y = yield x
    yield
    return x, y
#== async_with_multiple_items
async def f(a, b):
    async with a as x, b as y:
        await x.send(y)
#== async_for_in_try_else
async def f(stream):
    try:
        async for item in stream:
            if item is None:
                break
            await handle(item)
        else:
            await done()
    except ValueError:
        pass
#== async_generator_try_finally
async def ticks():
    try:
        while True:
            yield await tick()
    finally:
        await cleanup()
#== await_in_fstring_and_comprehension
async def f(xs):
    s = f"{await g()}"
    t = [await h(x) for x in xs]
    return s, t
#== match_in_loop_break
for cmd in commands:
    match cmd.split():
        case ["quit"]:
            break
        case ["go", direction]:
            go(direction)
        case _:
            continue
#== match_in_class_body
class Handler:
    match mode:
        case "fast":
            speed = 10
        case _:
            speed = 1
#== lambda_kwonly_and_stars
f = lambda *args, key=None, **kw: (args, key, kw)
g = lambda a, /, b: a + b
#== decorated_class_in_function_closure
def make(tag):
    @register(tag)
    class Impl:
        name = tag
        def describe(self):
            return f"{tag}:{self.name}"
    return Impl
#== constants_complex_edge
a = -0j
b = 0.1 + 0.2j
c = 1e-320
d = 1.7976931348623157e308
e = 5e-324
f = 0j ** 0
#== subscript_constant_tuple_index
v = grid[1, 2]
w = grid[1:2, ::3]
x = grid[(1, 2)]
#== not_constant_folding
a = not "a"
b = not ()
c = not 0.0
d = not (1, 2)
#== starred_constant_list_in_call
print(*[1, 2, 3])
print(*(4, 5), sep="-")
#== deep_closure_chain_with_class
def a():
    x = 1
    def b():
        class C:
            def m(self):
                return x
        return C
    return b
#== global_in_comprehension_scope
g = 0
def f():
    global g
    return [g for _ in range(3)]
#== del_in_loops_and_except
for i in range(3):
    del i
try:
    pass
except Exception as e:
    pass
del x[0], y.z
#== nested_fstring_specs
s = f"{value:{fill}{align}{width}.{precision}{kind}}"
t = f"{'nested ' + f'{inner!r}'}"
#== conditional_import_try_except
try:
    import ujson as json
except ImportError:
    import json
#== global_statement_in_loop_module
for i in range(3):
    global counter
    counter = i
#== docstring_in_class_and_function_with_annotations
class C:
    """Doc."""
    x: int = 1
    def f(self) -> None:
        """Method doc."""
        y: int = 2
#== kwargs_only_call_with_star
f(*args, **kwargs)
g(*args, k=1)
#== print_many_lines
print("a")
print("b")
print("c")
print("d", "e")
#== empty_function_bodies
def a(): pass
def b(): ...
def c(): "doc"
class D: ...
#== lambda_in_default_of_lambda
f = lambda x=lambda: 1: x()
#== bool_ops_in_call_args
f(a and b, c or d, not e, a if b else c)
#== unpack_into_attributes_and_subscripts
self.a, self.b = b, a
d[0], d[1] = d[1], d[0]
x, y.z, w[0] = 1, 2, 3
#== swap_three
a, b, c = c, a, b
#== for_else_with_return_inside_try
def find(xs):
    for x in xs:
        try:
            if check(x):
                return x
        except KeyError:
            continue
    else:
        return None
