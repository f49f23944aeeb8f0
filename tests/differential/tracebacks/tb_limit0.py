# sys.tracebacklimit = 0: no "Traceback" block at all, only the exception lines.
import sys


def fail():
    raise RuntimeError("boom")


sys.tracebacklimit = 0
print("limit 0")
try:
    fail()
except RuntimeError:
    {}["missing"]
