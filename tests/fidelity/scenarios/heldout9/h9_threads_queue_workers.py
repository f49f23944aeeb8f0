# title: Worker threads fed by a queue, results collected by the main thread
#
# Held-out (issue 9): a job queue consumed by two worker threads, each job
# building a list of 2,000 bytes objects of 700 bytes; the main thread
# collects the results, joins the workers and drops everything. Which worker
# takes which job depends on scheduling; the memory does not (every job is
# the same size).
import queue
import threading

jobs = queue.Queue()
results = queue.Queue()


def worker():
    while True:
        n = jobs.get()
        if n is None:
            break
        results.put([bytes(700) for _ in range(n)])


workers = [threading.Thread(target=worker) for _ in range(2)]
for t in workers:
    t.start()
for _ in range(20):
    jobs.put(2000)
for _ in workers:
    jobs.put(None)
for t in workers:
    t.join()
collected = [results.get() for _ in range(20)]
del collected
