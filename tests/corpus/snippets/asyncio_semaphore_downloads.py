# limit concurrency with a Semaphore; the "downloads" are held in memory until processed
import asyncio


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


async def download(sem, i):
    async with sem:
        await asyncio.sleep(0.002)
        return bytes(4096) + i.to_bytes(4, "little")


async def main(n, limit):
    sem = asyncio.Semaphore(limit)
    pages = await asyncio.gather(*(download(sem, i) for i in range(n)))
    print("downloaded", len(pages), "pages, rss", round(rss_mb(), 1), "MiB")
    return pages


pages = asyncio.run(main(4000, 50))
total = sum(len(p) for p in pages)
print("total bytes", total)
del pages
print("after del rss", round(rss_mb(), 1), "MiB")
