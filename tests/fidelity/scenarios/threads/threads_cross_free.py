# title: Objects built in threads, freed by the main thread after the threads exit
#
# Four threads each build 20,000 bytes objects of 1,000 bytes (1,048-byte
# chunks, too big for the tcache) in their own glibc arena, hand them over
# and exit: their arenas go on the free list with all that memory still in
# use. The main thread then frees the objects. free() sends each chunk to the
# arena it came from (arena_for_chunk), not to the main arena: every other
# object first (the heaps stay as big, full of holes), then the rest, and
# heap_trim shrinks each thread heap from its top. A second wave of threads
# takes the arenas back from the free list (get_free_list) and builds again.
#
# Deterministic by construction: the threads take turns (each waits for the
# previous one's event) and every wave is joined before the next statement.
import threading

N = 4
results = [None] * N


def work(i, turn):
    turn[i].wait()
    results[i] = [bytes(1000) for _ in range(20000)]
    turn[i + 1].set()


def wave():
    turn = [threading.Event() for _ in range(N + 1)]
    threads = [threading.Thread(target=work, args=(i, turn)) for i in range(N)]
    for t in threads:
        t.start()
    turn[0].set()
    for t in threads:
        t.join()


wave()
kept = [r[::2] for r in results]
results = [None] * N
del kept
wave()
results = [None] * N
