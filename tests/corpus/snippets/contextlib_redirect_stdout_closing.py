import contextlib
import io


class Resource:
    opened = 0

    def __init__(self, name):
        self.name = name
        self.buffer = bytearray(64 * 1024)
        Resource.opened += 1

    def close(self):
        Resource.opened -= 1
        self.buffer = None


captured = io.StringIO()
with contextlib.redirect_stdout(captured):
    for i in range(20_000):
        print(f"line {i}: {'x' * (i % 40)}")
print("captured chars:", len(captured.getvalue()))

with contextlib.closing(Resource("db")) as res:
    print("open inside:", Resource.opened, len(res.buffer))
print("open after:", Resource.opened)


def maybe_lock(use_lock):
    return contextlib.nullcontext("no-lock") if not use_lock else contextlib.closing(Resource("lock"))


results = []
for flag in (False, True, False):
    with maybe_lock(flag) as ctx:
        results.append(type(ctx).__name__)
print(results, Resource.opened)

errors = io.StringIO()
with contextlib.redirect_stderr(errors):
    import sys
    print("warning: low disk", file=sys.stderr)
print("stderr captured:", errors.getvalue().strip())
del captured
