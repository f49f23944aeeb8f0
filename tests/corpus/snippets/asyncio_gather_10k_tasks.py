# "memory grows when I gather 10,000 coroutines" - each one builds a little payload
import asyncio
import gc


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def fetch(i):
    await asyncio.sleep(0)
    payload = {"id": i, "name": f"item-{i}", "tags": [i, i + 1, i + 2]}
    await asyncio.sleep(0.001)
    return payload


async def main(n):
    tasks = [asyncio.create_task(fetch(i)) for i in range(n)]
    print("tasks created:", len(tasks), "rss", round(rss_mb(), 1))
    results = await asyncio.gather(*tasks)
    print("all done, pending:", sum(1 for t in tasks if not t.done()))
    return results


print("start rss", round(rss_mb(), 1))
results = asyncio.run(main(10_000))
print("after run rss", round(rss_mb(), 1), "results", len(results))
del results
gc.collect()
print("after del rss", round(rss_mb(), 1))
