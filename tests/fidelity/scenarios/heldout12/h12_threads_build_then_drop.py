# title: Three threads each build a list of records; the main thread drops them
#
# Held-out (issue 9, written before reading src/): the thread version of the
# first seed. Each worker builds 30,000 small lists, stores them, and the main
# thread deletes everything after the joins.
import threading

store = {}


def build(key):
    out = []
    for i in range(30000):
        out.append([i, i + 1, i + 2, str(i)])
    store[key] = out


workers = []
for k in range(3):
    t = threading.Thread(target=build, args=(k,))
    workers.append(t)
    t.start()
for t in workers:
    t.join()
sizes = [len(v) for v in store.values()]
store.clear()
del workers
