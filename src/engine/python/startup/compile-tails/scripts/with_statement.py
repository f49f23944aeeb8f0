import io


class Resource:
    def __enter__(self):
        self.buf = bytearray(100000)
        return self

    def __exit__(self, *exc):
        del self.buf
        return False


with Resource() as r:
    size = len(r.buf)
with io.StringIO() as s:
    s.write("x" * 1000)
    text = s.getvalue()
