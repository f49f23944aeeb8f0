from contextlib import ExitStack, contextmanager, suppress, closing

log = []


@contextmanager
def resource(name, size):
    buf = bytearray(size)
    log.append(f"open {name}")
    try:
        yield buf
    finally:
        log.append(f"close {name}")


class Conn:
    def __init__(self, n):
        self.n = n
        self.rows = [b"x" * 100 for _ in range(n)]

    def close(self):
        log.append(f"conn closed {self.n}")
        self.rows = None


with ExitStack() as stack:
    bufs = [stack.enter_context(resource(f"r{i}", 200000)) for i in range(20)]
    stack.callback(log.append, "callback ran")
    conn = stack.enter_context(closing(Conn(20000)))
    print(len(bufs), sum(len(b) for b in bufs), len(conn.rows))
print(log[-4:], conn.rows)

with ExitStack() as outer:
    kept = [outer.enter_context(resource(f"k{i}", 100000)) for i in range(5)]
    later = outer.pop_all()
print("after with", log[-1])
later.close()
print(log[-1])
with suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed")
del bufs, kept
