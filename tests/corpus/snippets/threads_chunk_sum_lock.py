import threading

data = list(range(400_000))
results = {}
lock = threading.Lock()


def worker(idx, chunk):
    squares = [x * x for x in chunk]
    s = sum(squares)
    with lock:
        results[idx] = s


n_threads = 4
size = len(data) // n_threads
threads = [
    threading.Thread(target=worker, args=(i, data[i * size:(i + 1) * size]), name=f"worker-{i}")
    for i in range(n_threads)
]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(sorted(results))
print("sum of squares:", sum(results.values()))
print(sum(x * x for x in data) == sum(results.values()))
del threads, data
