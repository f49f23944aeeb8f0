#!/usr/bin/env python3
"""How many 8 MiB thread stacks does the real process map for a start/join pattern?

    python3 tools/threads/stack_count.py seq|join|pool     (run it several times: it varies)

Counts the read-write 8 MiB mappings in /proc/self/maps (a pthread stack; glibc keeps exited
threads' stacks in its cache, so the count is the stacks ever mapped, up to 40 MiB of cache) after
each start and after the joins. seq: 4 short threads started in a loop, then joined; join: start +
join, 6 times; pool: 6 CPU-bound workers (the corpus's threads_worker_pool). The real runs' counts
are tabled in src/engine/python/eval/THREADS.md.
"""
import sys
import threading


def stacks():
    n = 0
    for line in open("/proc/self/maps"):
        f = line.split()
        a, b = (int(x, 16) for x in f[0].split("-"))
        if b - a == 8 << 20 and f[1].startswith("rw"):
            n += 1
    return n


def short(n):
    b = bytearray(n)
    x = [i for i in range(n // 100)]
    return b, x


def busy(_):
    return [str(i) * 10 for i in range(100000)]


mode = sys.argv[1] if len(sys.argv) > 1 else "seq"
out = []
if mode == "join":
    for i in range(6):
        t = threading.Thread(target=short, args=(1000,))
        t.start()
        t.join()
        out.append(stacks())
else:
    target, args = (short, lambda i: 200000 * (i + 1)) if mode == "seq" else (busy, lambda i: i)
    ts = [threading.Thread(target=target, args=(args(i),)) for i in range(4 if mode == "seq" else 6)]
    for t in ts:
        t.start()
        out.append(stacks())
    for t in ts:
        t.join()
    out.append(stacks())
print(mode, out)
