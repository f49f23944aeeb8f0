import contextlib
import io

opened = []


@contextlib.contextmanager
def scratch(name, size):
    buf = bytearray(size)
    opened.append(name)
    try:
        yield buf
    finally:
        opened.remove(name)
        del buf[:]


with contextlib.ExitStack() as stack:
    bufs = [stack.enter_context(scratch(f"b{i}", 1 << 20)) for i in range(8)]
    stack.callback(print, "callback ran")
    print(len(opened), sum(len(b) for b in bufs))
print("after exit:", len(opened), [len(b) for b in bufs][:3])

with contextlib.suppress(KeyError, ValueError):
    int("not a number")
print("suppressed")

out = io.StringIO()
with contextlib.redirect_stdout(out):
    for i in range(20000):
        print(i, i * i)
print(len(out.getvalue()), out.getvalue().splitlines()[-1])


class Resource:
    def __init__(self):
        self.data = [0] * 500000

    def close(self):
        self.data = None
        print("closed")


with contextlib.closing(Resource()) as r:
    print(len(r.data))
print(r.data)
del r, bufs, out
