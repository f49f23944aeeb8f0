import tracemalloc


def build():
    tmp = [bytes(1000) for _ in range(20000)]
    return len(tmp)


tracemalloc.start()
n = build()
current, peak = tracemalloc.get_traced_memory()
print(n, current, peak)
tracemalloc.stop()
