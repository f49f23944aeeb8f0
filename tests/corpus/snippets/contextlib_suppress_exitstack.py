import contextlib
import io
import os


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    yield name
    print(f"</{name}>")


with tag("h1"):
    print("memory")

with contextlib.suppress(FileNotFoundError):
    os.remove("/tmp/highwater-definitely-not-here.txt")

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    for i in range(20_000):
        print("captured line", i)
captured = buf.getvalue()
print(len(captured))

with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(f"t{i}")) for i in range(3)]
    stack.callback(print, "stack closed")

lines = captured.splitlines()
del captured, buf
print(len(lines))
