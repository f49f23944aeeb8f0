# producer is faster than the consumer: the asyncio.Queue keeps every item until it is processed
import asyncio
import tracemalloc

tracemalloc.start()


async def producer(q, n):
    for i in range(n):
        await q.put(b"x" * 256 + str(i).encode())
        if i % 1000 == 0:
            await asyncio.sleep(0)  # let the consumer run a little
    await q.put(None)


async def consumer(q, stats):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        stats["bytes"] += len(item)
        if stats["count"] % 500 == 0:
            await asyncio.sleep(0)
        stats["count"] += 1
        q.task_done()


async def main():
    q = asyncio.Queue()
    stats = {"count": 0, "bytes": 0}
    prod = asyncio.create_task(producer(q, 20000))
    cons = asyncio.create_task(consumer(q, stats))
    await prod
    current, peak = tracemalloc.get_traced_memory()
    print(f"producer done, backlog {q.qsize()} items, traced {current / 1024:.0f} KiB")
    await cons
    await q.join()
    return stats


stats = asyncio.run(main())
current, peak = tracemalloc.get_traced_memory()
print(f"consumed {stats['count']} items ({stats['bytes']} bytes)")
print(f"traced now {current / 1024:.0f} KiB, peak {peak / 1024:.0f} KiB")
tracemalloc.stop()
