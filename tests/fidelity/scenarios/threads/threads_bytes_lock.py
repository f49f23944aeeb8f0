# title: Four producers fill a shared list under a Lock
#
# Issue 9's lock case. Four threads each make 50,000 bytes(2000) objects
# (2,033-byte requests: glibc chunks in the producing thread's arena, too big
# for tcache) and append them to one list under a threading.Lock. The order of
# the items depends on how the threads interleave, the figures do not: every
# chunk stays in the arena of the thread that made it. The main thread then
# deletes the list: each free goes back to the chunk's own arena
# (arena_for_chunk), and heap_trim gives the thread arenas' memory back.
# run() waits 0.3 s after the joins: a joined thread still runs glibc's exit
# path just after join() returns, and the reading must not see it half-way.
import threading
import time

lock = threading.Lock()
shared = []


def produce(n):
    for i in range(n):
        item = bytes(2000)
        with lock:
            shared.append(item)


def run(threads):
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(0.3)


producers = [threading.Thread(target=produce, args=(50000,)) for _ in range(4)]
run(producers)
count = len(shared)
del shared[:]
