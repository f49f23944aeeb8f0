import threading

results = {}
lock = threading.Lock()


def worker(n):
    local = [str(i) * 10 for i in range(100000)]
    with lock:
        results[n] = len(local)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
