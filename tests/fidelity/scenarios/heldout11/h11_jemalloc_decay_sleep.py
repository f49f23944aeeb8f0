# title: Threads allocate, then the process idles while jemalloc decays (MALLOC_CONF)
#
# Held-out (issue 9): the script people use to try jemalloc's narenas and
# dirty_decay_ms: two worker threads build lists of strings, the results are
# dropped, and the process sleeps so the decay can return pages.
import threading
import time

out = {}


def build(n):
    out[n] = [str(i) * 8 for i in range(150000)]


workers = [threading.Thread(target=build, args=(n,)) for n in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
sizes = {n: len(v) for n, v in out.items()}
out.clear()
time.sleep(0.5)
time.sleep(2)
