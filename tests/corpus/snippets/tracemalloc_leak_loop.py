import tracemalloc

tracemalloc.start()
_cache = []


def handle_request(i):
    body = {"id": i, "payload": "x" * 256}
    _cache.append(body)  # forgot to evict
    return len(body["payload"])


for round_ in range(3):
    for i in range(20000):
        handle_request(i)
    current, peak = tracemalloc.get_traced_memory()
    print(f"round {round_}: current={current / 1e6:.1f} MB peak={peak / 1e6:.1f} MB")

snapshot = tracemalloc.take_snapshot()
snapshot = snapshot.filter_traces((
    tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
    tracemalloc.Filter(False, "<unknown>"),
))
top = snapshot.statistics("lineno")
print(top[0])
tracemalloc.stop()
