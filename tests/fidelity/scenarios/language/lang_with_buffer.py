# title: A with block that holds a big buffer
#
# Issue 7: with. A context manager that allocates a 64 MB bytearray in
# __enter__ and drops its own reference in __exit__; a
# contextlib.contextmanager generator does the same with an io.BytesIO. The
# trap: `as buf` binds the buffer to a module-level name, and names bound in a
# with block outlive it, so the 64 MB stays after __exit__ (and so does
# `view`, a 16 MB copy made inside the block, until it is deleted).
import io
from contextlib import contextmanager


class Workspace:
    def __init__(self, size):
        self.size = size
        self.buffer = None

    def __enter__(self):
        self.buffer = bytearray(self.size)
        return self.buffer

    def __exit__(self, exc_type, exc, tb):
        self.buffer = None
        return False


@contextmanager
def scratch():
    stream = io.BytesIO()
    try:
        yield stream
    finally:
        stream.close()


with Workspace(64 * 1024 * 1024) as buf:
    buf[:4] = b"HWTR"
    view = bytes(buf[: 16 * 1024 * 1024])

with scratch() as out:
    for i in range(100000):
        out.write(b"line %d\n" % i)
    size = out.tell()

del view
