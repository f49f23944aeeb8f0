class ScratchBuffer:
    """Allocate a working buffer on enter, drop it on exit."""

    def __init__(self, size):
        self.size = size
        self.buf = None

    def __enter__(self):
        self.buf = [0] * self.size
        return self.buf

    def __exit__(self, exc_type, exc, tb):
        self.buf = None
        if exc_type is KeyError:
            print("swallowed", exc)
            return True
        return False


with ScratchBuffer(2_000_000) as b:
    for i in range(0, len(b), 1000):
        b[i] = i
    print(sum(b))

with ScratchBuffer(1_000_000) as b:
    raise KeyError("missing")

kept = []
for n in range(20):
    with ScratchBuffer(50_000) as b:
        kept.append(b)  # the list outlives the with block
print(len(kept))

try:
    with ScratchBuffer(10) as b:
        raise ValueError("bad value")
except ValueError as e:
    print("outside:", e)
del kept
