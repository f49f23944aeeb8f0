import asyncio


async def work(i):
    await asyncio.sleep(0)
    return i * 2


async def main():
    results = await asyncio.gather(*(work(i) for i in range(100)))
    return sum(results)


total = asyncio.run(main())
