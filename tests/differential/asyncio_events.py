# asyncio's order of events as 3.11.7 runs them: task interleaving, results, exceptions,
# cancellation, queues, locks, a barrier, timeouts, async generators and context variables. Each line
# printed is one event; the simulator must print the same lines in the same order.
import asyncio
import contextvars


async def ticker(name, n, delay):
    for i in range(n):
        print("tick", name, i)
        await asyncio.sleep(delay)
    return f"{name} x{n}"


async def interleaving():
    print("== interleaving")
    a = asyncio.create_task(ticker("a", 3, 0))
    b = asyncio.create_task(ticker("b", 2, 0))
    print("created", a.get_name() != b.get_name(), a.done())
    print(await a, await b)
    print(await asyncio.gather(ticker("c", 2, 0.01), ticker("d", 3, 0.005)))


async def boom(x, delay=0.01):
    await asyncio.sleep(delay)
    raise ValueError(f"boom {x}")


async def exceptions():
    print("== exceptions")
    try:
        await boom(1)
    except ValueError as e:
        print("caught", e)
    r = await asyncio.gather(boom(2), asyncio.sleep(0.001, "ok"), return_exceptions=True)
    print([repr(x) for x in r])
    try:
        await asyncio.gather(boom(3), asyncio.sleep(0.05))
    except ValueError as e:
        print("gather raised", e)
    t = asyncio.create_task(boom(4, 0))
    await asyncio.sleep(0.01)
    print("done", t.done(), "exc", repr(t.exception()))
    f = asyncio.get_running_loop().create_future()
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    f.set_result(5)
    try:
        f.set_result(6)
    except asyncio.InvalidStateError:
        print("set twice refused")
    print(await f)


async def sleeper(name, log):
    try:
        log.append(f"{name} sleeping")
        await asyncio.sleep(10)
        log.append(f"{name} woke")
    except asyncio.CancelledError as e:
        log.append(f"{name} cancelled {e.args}")
        raise
    finally:
        log.append(f"{name} finally")


async def cancellation():
    print("== cancellation")
    log = []
    t = asyncio.create_task(sleeper("s1", log))
    await asyncio.sleep(0)
    print("cancel", t.cancel("stop now"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting it raised CancelledError", e.args)
    print(log, t.cancelled(), t.done())
    t2 = asyncio.create_task(sleeper("s2", log))
    print("cancel before start", t2.cancel())
    await asyncio.sleep(0)
    print(t2.cancelled(), log[-2:])
    try:
        await asyncio.wait_for(sleeper("s3", log), timeout=0.02)
    except asyncio.TimeoutError:
        print("wait_for timed out", log[-3:])
    print(await asyncio.wait_for(asyncio.sleep(0.01, "in time"), timeout=1))
    inner = asyncio.create_task(asyncio.sleep(0.02, "inner survived"))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.005)
    except asyncio.TimeoutError:
        print("shield timed out, inner cancelled?", inner.cancelled())
    print(await inner)
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout() expired", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.001)
    print("timeout() not expired", cm.expired())


async def producer(q, n, name):
    for i in range(n):
        await q.put((name, i))
        print("put", name, i, q.qsize())
    print("producer done", name)


async def consumer(q, name, seen):
    while True:
        item = await q.get()
        seen.append(item)
        print("got", name, item)
        await asyncio.sleep(0.001)
        q.task_done()


async def queues():
    print("== queues")
    q = asyncio.Queue(maxsize=2)
    seen = []
    consumers = [asyncio.create_task(consumer(q, f"c{i}", seen)) for i in range(2)]
    await asyncio.gather(producer(q, 4, "p1"), producer(q, 3, "p2"))
    await q.join()
    print("joined", len(seen), q.empty())
    for c in consumers:
        c.cancel()
    r = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(x).__name__ for x in r])
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 4, 2):
        pq.put_nowait(x)
    print("priority", [pq.get_nowait() for _ in range(4)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print("lifo", [await lq.get() for _ in range(3)])
    try:
        asyncio.Queue().get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q1 = asyncio.Queue(1)
    q1.put_nowait(1)
    try:
        q1.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")


async def locker(lock, name, log):
    async with lock:
        log.append(f"in {name}")
        await asyncio.sleep(0.001)
        log.append(f"out {name}")


async def sem_worker(sem, i):
    async with sem:
        print("sem in", i)
        await asyncio.sleep(0.02 * (i + 1))
        print("sem out", i)
        return i


async def waiter(ev, name):
    print("waiting", name)
    await ev.wait()
    print("released", name)


async def sync():
    print("== sync")
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locker(lock, i, log) for i in range(3)))
    print(log, lock.locked())
    sem = asyncio.Semaphore(2)
    print(await asyncio.gather(*(sem_worker(sem, i) for i in range(5))))
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
    await asyncio.sleep(0)
    print("set")
    ev.set()
    await asyncio.gather(*ws)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print(e)
    cond = asyncio.Condition()
    items = []

    async def cons():
        async with cond:
            await cond.wait_for(lambda: items)
            print("cond got", items.pop())

    ct = asyncio.create_task(cons())
    await asyncio.sleep(0)
    async with cond:
        items.append("item")
        cond.notify()
    await ct
    barrier = asyncio.Barrier(3)

    async def party(i):
        print("arrive", i)
        print("pass", i, await barrier.wait())

    await asyncio.gather(*(party(i) for i in range(3)))
    print("barrier", barrier.n_waiting, barrier.broken, hasattr(asyncio, "heapq"))


async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("agen finally")


async def generators():
    print("== async generators")
    print([x async for x in agen(3)])
    g = agen(5)
    print(await g.__anext__(), await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    async for x in agen(2):
        print("for", x)
    print({x: x * x async for x in agen(3)})


req = contextvars.ContextVar("req", default="none")


async def handler(name):
    req.set(name)
    await asyncio.sleep(0.001)
    return f"{name} sees {req.get()}"


async def contexts():
    print("== contextvars")
    print(await asyncio.gather(handler("r1"), handler("r2")))
    print("main sees", req.get())


async def waits():
    print("== wait, as_completed, TaskGroup")
    tasks = [asyncio.create_task(asyncio.sleep(0.05 * i, i)) for i in range(1, 4)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first", len(done), len(pending), [t.result() for t in done])
    done, pending = await asyncio.wait(tasks, timeout=0.075)
    print("timeout", len(done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print("all", len(done), len(pending))
    order = []
    ts = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.06, 0.02, 0.04)]
    for coro in asyncio.as_completed(ts):
        order.append(await coro)
    print("as_completed", order)
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ticker("g1", 2, 0.001))
        t2 = tg.create_task(ticker("g2", 1, 0.002))
    print("taskgroup", t1.result(), t2.result())
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(5))
            tg.create_task(sleeper("tg", log))
            tg.create_task(boom(6, 0.02))
    except* ValueError as eg:
        print("taskgroup failed", [str(e) for e in eg.exceptions], log)
    print("current", asyncio.current_task().get_name(), "others", len(asyncio.all_tasks()) - 1)


async def callbacks():
    print("== callbacks")
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    loop.call_soon(print, "soon 1")
    h = loop.call_later(0.005, print, "later cancelled")
    loop.call_later(0.01, print, "later 10ms")
    loop.call_at(t0 + 0.002, print, "at 2ms")
    loop.call_soon(print, "soon 2")
    h.cancel()
    await asyncio.sleep(0.02)
    print("elapsed >= 20ms", loop.time() - t0 >= 0.02)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback saw", f.result()))
    loop.call_later(0.001, fut.set_result, "fut value")
    print(await fut)
    await asyncio.sleep(0)


async def main():
    await interleaving()
    await exceptions()
    await cancellation()
    await queues()
    await sync()
    await generators()
    await contexts()
    await waits()
    await callbacks()
    return "main done"


print(asyncio.run(main()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(ticker("loop", 2, 0)))
loop.close()
print("closed", loop.is_closed())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
