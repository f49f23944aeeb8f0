# An uncaught error 2,500 calls deep: 3.11/3.12 print the newest 1,000 frames
# (PyTraceBack_LIMIT), 3.13 prints them all through traceback.py.
import sys

sys.setrecursionlimit(3000)


def down(n):
    if n == 2500:
        raise LookupError(n)
    return down(n + 1)


print("start")
down(0)
