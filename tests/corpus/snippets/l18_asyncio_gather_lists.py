import asyncio

async def fetch(i):
    await asyncio.sleep(0.01)
    return [i] * 1000

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(200)))
    return sum(len(r) for r in results)

total = asyncio.run(main())
print(total)
