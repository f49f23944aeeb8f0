import asyncio

async def fetch(i):
    await asyncio.sleep(0)
    payload = [i] * 200
    await asyncio.sleep(0)
    return sum(payload), bytes(1000)

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(3000)))
    total = sum(r[0] for r in results)
    blobs = [r[1] for r in results]
    return total, len(blobs)

total, n = asyncio.run(main())
print(total, n)
