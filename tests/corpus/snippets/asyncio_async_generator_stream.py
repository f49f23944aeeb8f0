# streaming rows with an async generator instead of building a list first
import asyncio
import tracemalloc


async def rows(n):
    for i in range(n):
        if i % 100 == 0:
            await asyncio.sleep(0)
        yield {"id": i, "value": i * 0.5, "label": f"row{i}"}


async def streamed(n):
    total = 0.0
    async for row in rows(n):
        total += row["value"]
    return total


async def buffered(n):
    all_rows = [row async for row in rows(n)]
    return sum(r["value"] for r in all_rows), len(all_rows)


tracemalloc.start()
print("streamed", asyncio.run(streamed(30000)))
print("streamed peak KiB", tracemalloc.get_traced_memory()[1] // 1024)
tracemalloc.reset_peak()
print("buffered", asyncio.run(buffered(30000)))
print("buffered peak KiB", tracemalloc.get_traced_memory()[1] // 1024)
tracemalloc.stop()
