#!/usr/bin/env python3
"""How long after `t.join()` returns does the OS thread finish exiting?

    python3 tools/threads/exit_latency.py

join() returns when the thread's Python part is done (the sentinel lock released); glibc can give
the thread's stack to a new thread only once the kernel has cleared the tid in its struct pthread
(CLONE_CHILD_CLEARTID; get_cached_stack's FREE_P). This finds the tid's offset in struct pthread
(pthread_self() == threading.get_ident(); glibc 2.36 x86-64: 720), then for 200 threads reads it
right after join until it is 0, and prints quantiles (min, 10%, 25%, median, 75%, 90%, max) in µs,
for an empty target and one that allocates. The reader spins on its core meanwhile. Used for
THREAD_EXIT_NS (src/engine/python/eval/pythread.ts).
"""
import ctypes
import threading
import time

box = {}
ev = threading.Event()


def probe():
    box["nid"] = threading.get_native_id()
    box["id"] = threading.get_ident()
    ev.wait()


t = threading.Thread(target=probe)
t.start()
time.sleep(0.01)
pd = box["id"]
offsets = [o for o in range(0, 2048, 4) if ctypes.c_int.from_address(pd + o).value == box["nid"]]
print("tid offsets in struct pthread", offsets)
ev.set()
t.join()
OFF = offsets[0]


def run(work, n=200):
    lat = []
    for _ in range(n):
        th = threading.Thread(target=work)
        th.start()
        th.join()
        t0 = time.perf_counter_ns()
        while ctypes.c_int.from_address(th.ident + OFF).value != 0:
            pass
        lat.append((time.perf_counter_ns() - t0) / 1000)
    lat.sort()
    return [round(lat[min(n - 1, int(q * n))], 1) for q in (0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)]


print("pass", run(lambda: None))
print("work", run(lambda: [str(i) for i in range(20000)]))
