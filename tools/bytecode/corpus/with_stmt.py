#== with_simple
with open("data.txt") as f:
    text = f.read()
#== with_no_target
with lock:
    counter += 1
#== with_multiple
with open("in.txt") as src, open("out.txt", "w") as dst:
    dst.write(src.read())
#== with_three_items
with a() as x, b() as y, c():
    use(x, y)
#== with_tuple_target
with pair() as (left, right):
    print(left, right)
#== with_attribute_target
with manager() as self.resource:
    pass
#== with_nested
with outer() as o:
    with inner() as i:
        work(o, i)
#== with_in_function_return
def read(path):
    with open(path) as f:
        return f.read()
#== with_in_loop_break
for path in paths:
    with open(path) as f:
        if f.readline() == "stop":
            break
        handle(f)
#== with_in_loop_continue
for path in paths:
    with open(path) as f:
        if not f:
            continue
        handle(f)
#== with_try_inside
with conn:
    try:
        conn.execute(q)
    except DatabaseError:
        conn.rollback()
#== with_inside_try
try:
    with open(p) as f:
        data = f.read()
except FileNotFoundError:
    data = ""
#== with_return_in_nested
def f():
    with a():
        with b():
            return 1
#== with_suppress
import contextlib
with contextlib.suppress(FileNotFoundError):
    os.remove("tmp")
#== with_generator_contextmanager
from contextlib import contextmanager

@contextmanager
def opened(path):
    f = open(path)
    try:
        yield f
    finally:
        f.close()

with opened("x") as fh:
    print(fh.read())
#== with_tracemalloc_like
import tracemalloc
tracemalloc.start()
with timer() as t:
    data = [bytes(1000) for _ in range(1000)]
print(t.elapsed, tracemalloc.get_traced_memory())
#== with_multiline
with (
    open("a") as a,
    open("b") as b,
):
    pass
#== with_return_value_in_finally_and_with
def f(m):
    try:
        with m:
            return compute()
    finally:
        cleanup()
#== with_yield
def lines(path):
    with open(path) as f:
        for line in f:
            yield line.rstrip()
#== with_star_target
with ctx() as (first, *rest):
    pass
