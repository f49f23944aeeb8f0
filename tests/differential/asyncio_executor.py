# asyncio with threads: run_in_executor and to_thread as people gather them (the default
# ThreadPoolExecutor's workers, each result handed back through call_soon_threadsafe)
import asyncio
import concurrent.futures
import threading
import time


def work(i, delay=0.02):
    time.sleep(delay)
    return i * i


def fails(msg):
    time.sleep(0.01)
    raise ValueError(msg)


def named(i, *, suffix='!'):
    time.sleep(0.005 * (3 - i))
    return f'{i}{suffix}'


async def gathered(n):
    loop = asyncio.get_running_loop()
    return await asyncio.gather(*(loop.run_in_executor(None, work, i) for i in range(n)))


async def main():
    loop = asyncio.get_running_loop()
    print('three', await gathered(3))
    print('ten', await gathered(10))
    print('to_thread', await asyncio.gather(*(asyncio.to_thread(named, i, suffix='?') for i in range(3))))
    try:
        await loop.run_in_executor(None, fails, 'boom')
    except ValueError as e:
        print('raised', type(e).__name__, e)
    r = await asyncio.gather(loop.run_in_executor(None, fails, 'x'),
                             loop.run_in_executor(None, work, 7), return_exceptions=True)
    print('return_exceptions', [type(x).__name__ if isinstance(x, Exception) else x for x in r])
    order = []

    async def ticker():
        for k in range(3):
            order.append(f'tick{k}')
            await asyncio.sleep(0.01)

    async def blocking():
        v = await asyncio.to_thread(work, 5, 0.025)
        order.append(f'thread{v}')

    await asyncio.gather(ticker(), blocking())
    print('interleaved', order)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        got = await asyncio.gather(*(loop.run_in_executor(pool, work, i, 0.01) for i in range(4)))
        print('own pool', got)
    done, pending = await asyncio.wait([loop.run_in_executor(None, work, i, 0.01 * (i + 1)) for i in range(3)],
                                       return_when=asyncio.FIRST_COMPLETED)
    print('first', sorted(f.result() for f in done), len(pending))
    await asyncio.gather(*pending)
    fut = loop.run_in_executor(None, work, 9, 0.05)
    try:
        print(await asyncio.wait_for(fut, 0.01))
    except TimeoutError:
        print('wait_for timed out', fut.cancelled())
    cf = concurrent.futures.Future()
    wrapped = asyncio.wrap_future(cf)
    loop.call_later(0.01, cf.set_result, 'set from the loop')
    print('wrap_future', await wrapped)
    print('main thread', threading.current_thread().name)


asyncio.run(main())
print('after run', threading.active_count())
