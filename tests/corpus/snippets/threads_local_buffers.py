import threading

local = threading.local()
sizes = []
sizes_lock = threading.Lock()


def worker(n):
    local.buf = bytearray(n)
    local.items = [i for i in range(n // 100)]
    with sizes_lock:
        sizes.append(len(local.buf) + len(local.items))


threads = [threading.Thread(target=worker, args=(200000 * (i + 1),)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(sizes))
