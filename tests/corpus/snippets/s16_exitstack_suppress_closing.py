from contextlib import ExitStack, suppress, closing, contextmanager
import io

class Resource:
    opened = 0

    def __init__(self, name):
        self.name = name
        self.buf = bytearray(10000)
        Resource.opened += 1

    def close(self):
        Resource.opened -= 1
        self.buf = None

@contextmanager
def session(n):
    items = [f"item{i}" for i in range(n)]
    try:
        yield items
    finally:
        items.clear()

with ExitStack() as stack:
    res = [stack.enter_context(closing(Resource(f"r{i}"))) for i in range(500)]
    names = stack.enter_context(session(50000))
    print(Resource.opened, len(names))
print("after:", Resource.opened, len(names))

results = {}
for i in range(20000):
    with suppress(KeyError, ZeroDivisionError):
        results[i] = 100 // (i % 5)
print(len(results))

with closing(io.StringIO()) as out:
    for i in range(20000):
        out.write(f"{i}\n")
    text = out.getvalue()
print(len(text))

stack = ExitStack()
for i in range(100):
    stack.enter_context(closing(Resource(f"x{i}")))
later = stack.pop_all()
print(Resource.opened)
later.close()
print(Resource.opened)
del res, text, results
