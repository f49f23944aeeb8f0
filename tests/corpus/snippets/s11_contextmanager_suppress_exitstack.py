from contextlib import contextmanager, suppress, ExitStack
import io
import time

@contextmanager
def timed(label, log):
    t0 = time.perf_counter()
    try:
        yield log
    finally:
        log.append((label, time.perf_counter() - t0 >= 0))

log = []
with timed("build", log):
    data = [str(i) * 3 for i in range(50000)]
print(log, len(data))

with suppress(KeyError, ValueError):
    int("not a number")
print("suppressed")

buffers = []
with ExitStack() as stack:
    for i in range(200):
        buf = stack.enter_context(io.StringIO())
        buf.write("x" * 1000 * (i % 5 + 1))
        buffers.append(buf)
    stack.callback(log.append, ("stack", True))
    print(sum(b.tell() for b in buffers), buffers[0].closed)
print(buffers[0].closed, all(b.closed for b in buffers), log[-1])

try:
    with timed("fail", log):
        raise RuntimeError("boom")
except RuntimeError as e:
    print("caught", e, log[-1])
del data, buffers
