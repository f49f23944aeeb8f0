from concurrent.futures import ThreadPoolExecutor, as_completed


def render(page):
    rows = [f"<tr><td>{page}</td><td>{i}</td></tr>" for i in range(5000)]
    return page, "\n".join(rows)


pages = {}
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(render, p) for p in range(12)]
    for fut in as_completed(futures):
        page, html = fut.result()
        pages[page] = html

print(len(pages), sum(len(h) for h in pages.values()))
pages.clear()
