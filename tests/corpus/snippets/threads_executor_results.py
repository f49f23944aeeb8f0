from concurrent.futures import ThreadPoolExecutor


def load(i):
    return [f"{i}:{j}" for j in range(20000)]


executor = ThreadPoolExecutor(max_workers=2)
futures = [executor.submit(load, i) for i in range(6)]
chunks = [f.result() for f in futures]
executor.shutdown(wait=True)
print(sum(len(c) for c in chunks))
del chunks
