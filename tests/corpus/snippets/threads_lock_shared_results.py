import threading

results = []
lock = threading.Lock()


def worker(worker_id, n):
    local = []
    for i in range(n):
        local.append(f"w{worker_id}-{i}")
    with lock:
        results.extend(local)


threads = [threading.Thread(target=worker, args=(k, 50_000)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(len(results))
results.sort()
print(results[:2])
del results[:]
print(threading.active_count())
