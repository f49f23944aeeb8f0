#== gen_simple
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
#== gen_yield_bare
def ticker():
    while True:
        yield
#== gen_yield_expression_send
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
#== gen_yield_from
def chain(*iterables):
    for it in iterables:
        yield from it
#== gen_yield_from_result
def delegate():
    result = yield from worker()
    print("worker returned", result)
#== gen_return_value
def gen():
    yield 1
    return "done"
#== gen_try_finally
def managed():
    print("setup")
    try:
        yield "resource"
    finally:
        print("teardown")
#== gen_try_except
def safe_iter(it):
    while True:
        try:
            item = next(it)
        except StopIteration:
            return
        yield item
#== gen_closure
def make_gen(prefix):
    def gen(items):
        for item in items:
            yield prefix + item
    return gen
#== gen_with_cell
def gen(n):
    f = lambda: n
    yield f
#== gen_in_class
class Tree:
    def __init__(self, children):
        self.children = children
    def __iter__(self):
        for child in self.children:
            yield from child
        yield self
#== gen_pipeline
def read(lines):
    for line in lines:
        yield line.strip()

def non_empty(lines):
    for line in lines:
        if line:
            yield line

def numbered(lines):
    for i, line in enumerate(lines, 1):
        yield f"{i}: {line}"

result = list(numbered(non_empty(read(source))))
#== gen_infinite_fib
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
#== genexpr_sum
total = sum(x * x for x in range(1000000))
#== genexpr_nested
pairs = list((i, j) for i in range(3) for j in range(i))
#== genexpr_condition
evens = (n for n in numbers if n % 2 == 0)
#== genexpr_in_call_kwargs
s = ",".join(str(x) for x in values)
m = max((len(w) for w in words), default=0)
#== genexpr_closure_over_local
def f(data, k):
    return list(d * k for d in data)
#== gen_yield_in_expression
def g():
    x = (yield 1) + (yield 2)
    print(x)
#== gen_yield_tuple
def pairs(d):
    for k in d:
        yield k, d[k]
#== gen_lambda_yield
g = lambda: (yield 1)
#== gen_send_protocol
def coro():
    received = []
    try:
        while True:
            received.append((yield len(received)))
    except GeneratorExit:
        print("closing with", received)
        raise
#== gen_yield_in_try_except_else
def g():
    try:
        yield 1
    except ValueError:
        yield 2
    else:
        yield 3
#== gen_with_yield_from_loop
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
#== gen_generator_vs_list
def squares_list(n):
    return [i * i for i in range(n)]

def squares_gen(n):
    for i in range(n):
        yield i * i

a = squares_list(100000)
b = sum(squares_gen(100000))
#== async_def
async def fetch(url):
    response = await get(url)
    return await response.text()
#== async_for
async def consume(stream):
    async for chunk in stream:
        process(chunk)
    else:
        finish()
#== async_with
async def transaction(db):
    async with db.begin() as tx:
        await tx.execute("UPDATE t SET x = 1")
#== async_generator
async def ticks(n):
    for i in range(n):
        await sleep(1)
        yield i
#== async_comprehensions
async def collect(source):
    items = [x async for x in source]
    squares = {x: x * x async for x in source if x}
    awaited = [await f(x) for x in items]
    return items, squares, awaited
#== async_genexpr
async def g(source):
    gen = (x async for x in source)
    return gen
#== async_return_in_async_with
async def f(lock):
    async with lock:
        return 1
#== async_await_in_try
async def f():
    try:
        await op()
    except TimeoutError:
        await fallback()
    finally:
        await close()
#== async_nested_function
async def outer():
    async def inner(x):
        return x
    return await inner(1)
#== await_outside_async
def f():
    await g()
#== yield_outside_function
yield 1
#== yield_in_listcomp
def f():
    return [(yield x) for x in range(3)]
#== yield_from_in_async
async def f():
    yield from g()
#== return_in_async_generator
async def f():
    yield 1
    return 2
#== async_for_outside_async
def f():
    async for x in y:
        pass
#== async_with_outside_async
def f():
    async with x:
        pass
#== async_comprehension_outside
def f():
    return [x async for x in y]
