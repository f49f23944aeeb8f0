# "does asyncio.sleep in a loop leak?" - watch RSS and gc while a task ticks many times
import asyncio
import gc
import resource


def peak_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


async def ticker(n, results):
    for i in range(n):
        await asyncio.sleep(0)
        if i % 10000 == 0:
            results.append((i, len(gc.get_objects())))


async def timers(n):
    loop = asyncio.get_running_loop()
    handles = [loop.call_later(10 + i * 0.001, print, i) for i in range(n)]
    for h in handles:
        h.cancel()
    await asyncio.sleep(0.01)
    return len(loop._scheduled)


results = []
asyncio.run(ticker(40000, results))
for step, objects in results:
    print(step, objects)
print("peak KiB", peak_kb())
left = asyncio.run(timers(5000))
print("timer handles left in the heap:", left)
print("peak KiB", peak_kb())
