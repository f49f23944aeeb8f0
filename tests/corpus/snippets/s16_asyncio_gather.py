import asyncio

async def fetch(i):
    await asyncio.sleep(0)
    return {"id": i, "body": "y" * 200}

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(5000)))
    print(len(results), results[0]["id"])
    queue = asyncio.Queue()
    for i in range(2000):
        queue.put_nowait(i)

    async def worker(out):
        while not queue.empty():
            item = await queue.get()
            out.append(item * 2)
            queue.task_done()

    out = []
    await asyncio.gather(*(worker(out) for _ in range(10)))
    print(len(out), sum(out))
    return results

data = asyncio.run(main())
print(len(data))
del data
