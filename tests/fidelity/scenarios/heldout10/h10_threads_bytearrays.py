# title: Threads that each fill byte buffers, joined, then everything freed
#
# Held-out (issue 9): three threads (started together) each build 200 buffers
# of 64 KiB (below glibc's mmap threshold) and hand them back; the main thread
# frees them all after the joins.
import threading

buffers = []
lock = threading.Lock()


def fill(n):
    mine = [bytearray(65536) for _ in range(200)]
    for b in mine:
        b[0] = n
    with lock:
        buffers.extend(mine)


ts = [threading.Thread(target=fill, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
count = len(buffers)
buffers.clear()
