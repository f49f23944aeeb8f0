# title: Eight threads build lists, then exit
#
# Issue 9's first thread case. Each thread's first malloc gives it a glibc
# arena of its own (arena_get2: a new arena while there are fewer than
# 8 x cores; with MALLOC_ARENA_MAX=2 they share two), whose memory lives in
# 64 MiB-aligned heaps made by new_heap. The 800-byte item arrays of a
# thread's 100,000 lists go to its arena; the list objects go to pymalloc,
# which all threads share. The threads hold their lists until all eight have
# built them, so the reading after `start` sees all of them; then they drop
# the lists and exit. At exit each thread's tcache is flushed back to its
# arena and heap_trim shrinks or unmaps the heaps.
#
# Deterministic by construction: the threads take turns (each waits for the
# previous one's event), so the order of every allocation and free is fixed
# whatever the interpreter's thread switching does, and no reading sees a
# thread half-way through its work. stop() waits 0.3 s after the joins
# because a joined Python thread still runs glibc's exit path
# (tcache_thread_shutdown, the arena's release) just after join() returns.
import threading
import time

N = 8
built = [threading.Event() for _ in range(N + 1)]
dropped = [threading.Event() for _ in range(N + 1)]


def work(i):
    built[i].wait()
    data = [[0] * 100 for _ in range(100000)]
    built[i + 1].set()
    dropped[i].wait()
    del data
    dropped[i + 1].set()


def start(threads):
    for t in threads:
        t.start()
    built[0].set()
    built[N].wait()


def stop(threads):
    dropped[0].set()
    for t in threads:
        t.join()
    time.sleep(0.3)


threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
start(threads)
stop(threads)
del threads
