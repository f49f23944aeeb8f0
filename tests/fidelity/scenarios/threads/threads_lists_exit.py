# title: Eight threads build lists, then exit
#
# Issue 9's first thread case. Each thread's first malloc gives it a glibc
# arena of its own (arena_get2: a new arena while there are fewer than
# 8 x cores), whose memory lives in 64 MiB-aligned heaps made by new_heap.
# The 800-byte item arrays of a thread's 100,000 lists go to its arena; the
# list objects go to pymalloc, which all threads share. The threads hold
# their lists until all eight have built them, so the reading after `start`
# sees all of them; then they drop the lists and exit. At exit each thread's
# tcache is flushed back to its arena and heap_trim shrinks or unmaps the heaps.
#
# Deterministic by construction: barriers order the phases, so no figure
# depends on how the interpreter interleaved the threads. stop() waits 0.3 s
# after the joins because a joined Python thread still runs glibc's exit path
# (tcache_thread_shutdown, the arena's release) just after join() returns.
import threading
import time

built = threading.Barrier(9)
release = threading.Event()


def work():
    data = [[0] * 100 for _ in range(100000)]
    built.wait()
    release.wait()
    del data


def start(threads):
    for t in threads:
        t.start()
    built.wait()


def stop(threads):
    release.set()
    for t in threads:
        t.join()
    time.sleep(0.3)


threads = [threading.Thread(target=work) for _ in range(8)]
start(threads)
stop(threads)
del threads
