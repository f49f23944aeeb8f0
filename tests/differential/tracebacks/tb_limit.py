# sys.tracebacklimit set by the script: 2 frames of a chained exception (the C printer keeps the
# newest two, traceback.py the oldest two), printed by traceback.print_exc and then uncaught.
import sys
import traceback


def level(n):
    if n == 4:
        raise KeyError(n)
    return level(n + 1)


def wrap():
    try:
        level(0)
    except KeyError as e:
        raise ValueError("wrapped") from e


sys.tracebacklimit = 2
try:
    wrap()
except ValueError:
    traceback.print_exc()
print("then uncaught")
wrap()
