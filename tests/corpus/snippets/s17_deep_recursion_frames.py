import sys
import threading

sys.setrecursionlimit(10000)
parked = threading.Event()
release = threading.Event()


def descend(n):
    # each level is one 3.11 interpreter frame on the thread's data stack
    if n == 0:
        parked.set()
        release.wait()
        return 0
    return descend(n - 1) + 1


worker = threading.Thread(target=descend, args=(6000,))
worker.start()
parked.wait()
depth_seen = 6000
release.set()
worker.join()
total = descend(0) if False else 0


def plain(n):
    return 0 if n == 0 else plain(n - 1) + 1


print(plain(8000))
