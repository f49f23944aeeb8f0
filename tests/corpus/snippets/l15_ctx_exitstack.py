import contextlib, io, sys

@contextlib.contextmanager
def captured():
    buf = io.StringIO()
    old = sys.stdout
    sys.stdout = buf
    try:
        yield buf
    finally:
        sys.stdout = old

chunks = []
with contextlib.ExitStack() as stack:
    bufs = [stack.enter_context(captured()) for _ in range(3)]
    for i in range(20000):
        print(f"line {i:>6} {'x' * (i % 40)}")
    stack.callback(chunks.append, "done")
text = bufs[-1].getvalue()
print(len(text), text.count("\n"), chunks)
lines = text.splitlines()
big = [l.upper() for l in lines]
del text, bufs
print(len(big), big[123])
del big, lines
