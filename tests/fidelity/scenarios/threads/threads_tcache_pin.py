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
# Deterministic by construction: the threads take turns for each phase (each
# waits for the previous one's event), so the order of every allocation and
# free is fixed, and no reading sees a thread half-way through its work.
import threading
import time

N = 8
built = [threading.Event() for _ in range(N + 1)]
freed = [threading.Event() for _ in range(N + 1)]
go_exit = threading.Event()


def work(i):
    built[i].wait()
    data = [[0] * 100 for _ in range(100000)]
    built[i + 1].set()
    freed[i].wait()
    del data
    freed[i + 1].set()
    go_exit.wait()


def start(threads):
    for t in threads:
        t.start()
    built[0].set()
    built[N].wait()


def free_all():
    freed[0].set()
    freed[N].wait()


def exit_all(threads):
    go_exit.set()
    for t in threads:
        t.join()
    time.sleep(0.3)


threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
start(threads)
free_all()
exit_all(threads)
