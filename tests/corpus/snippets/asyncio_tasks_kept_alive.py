# "my tasks are never freed": keeping a reference in a list vs the set + discard pattern
import asyncio
import gc
import sys

background = set()
kept = []


async def job(i):
    data = list(range(50))
    await asyncio.sleep(0.01)
    return sum(data) + i


async def spawn_kept(n):
    for i in range(n):
        kept.append(asyncio.create_task(job(i)))
    await asyncio.sleep(0.5)
    print("kept list:", len(kept), "done:", sum(t.done() for t in kept))


async def spawn_discarded(n):
    for i in range(n):
        t = asyncio.create_task(job(i))
        background.add(t)
        t.add_done_callback(background.discard)
    await asyncio.sleep(0.5)
    print("background set:", len(background))


asyncio.run(spawn_kept(3000))
print("tasks still referenced:", len(kept), sys.getsizeof(kept))
asyncio.run(spawn_discarded(3000))
kept.clear()
print("collected:", gc.collect())
