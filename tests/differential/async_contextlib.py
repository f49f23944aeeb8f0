# contextlib's async side and the aiter/anext builtins, run under asyncio.run, one result per line.
import asyncio
import contextlib

log = []


@contextlib.asynccontextmanager
async def resource(name):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")


@contextlib.asynccontextmanager
async def swallow():
    try:
        yield
    except KeyError as e:
        log.append(f"swallowed {e!r}")


@contextlib.asynccontextmanager
async def no_yield():
    if False:
        yield


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def agen():
    yield 1
    yield 2


async def main():
    async with resource("a") as r:
        print(r)
    print(log)
    try:
        async with resource("b"):
            raise ValueError("inside")
    except ValueError as e:
        print("propagated", repr(e), log[-1])
    async with swallow():
        raise KeyError("k")
    print(log[-1])
    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print("RuntimeError", e)
    async with contextlib.nullcontext(5) as v:
        print("nullcontext", v)
    g = agen()
    async with contextlib.aclosing(g) as gg:
        print("aclosing", await anext(gg))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("closed", g.ag_running)
    t = Ticker(3)
    print(aiter(t) is t, await anext(t), await anext(t), await anext(t))
    try:
        await anext(t)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    for bad in (aiter, anext):
        try:
            bad(5)
        except TypeError as e:
            print("TypeError", e)
    try:
        aiter(object.__new__(type("NoNext", (), {"__aiter__": lambda self: 1})))
    except TypeError as e:
        print("TypeError", e)
    print(type(resource("x")).__name__, resource.__name__, resource.__wrapped__.__name__)

    @resource("deco")
    async def decorated():
        return "ran"

    print(await decorated(), log[-2:])


asyncio.run(main())
