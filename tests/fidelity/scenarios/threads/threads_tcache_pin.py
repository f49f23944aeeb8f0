# title: Threads whose tcaches pin their arenas until they exit
#
# Issue 9's second thread case. Eight threads each build 100,000 lists of 100
# ints (816-byte chunks in the thread's own glibc arena), then free them but
# stay alive. The last 7 chunks each thread freed sit in its tcache, which
# glibc counts as in use, at the top of its heap: nothing can be trimmed and
# the arenas keep their memory while the threads live. When the threads exit,
# tcache_thread_shutdown frees those chunks, they coalesce with the top, and
# heap_trim returns almost everything.
#
# Deterministic by construction: each phase ends at a barrier, so a reading
# never sees a thread half-way through its work.
import threading
import time

built = threading.Barrier(9)
freed = threading.Barrier(9)
go_free = threading.Event()
go_exit = threading.Event()


def work():
    data = [[0] * 100 for _ in range(100000)]
    built.wait()
    go_free.wait()
    del data
    freed.wait()
    go_exit.wait()


def start(threads):
    for t in threads:
        t.start()
    built.wait()


def free_all():
    go_free.set()
    freed.wait()


def exit_all(threads):
    go_exit.set()
    for t in threads:
        t.join()
    time.sleep(0.3)


threads = [threading.Thread(target=work) for _ in range(8)]
start(threads)
free_all()
exit_all(threads)
