import sys


def make_handlers():
    big = list(range(500000))
    lookup = {i: str(i) for i in range(20000)}

    def count():
        return len(big)

    def describe(i):
        return lookup.get(i, "?")

    return count, describe


handlers = [make_handlers() for _ in range(3)]
print([h[0]() for h in handlers], handlers[0][1](123))
cell = handlers[0][0].__closure__[0]
print(type(cell).__name__, len(cell.cell_contents), handlers[0][0].__code__.co_freevars)
print(sys.getrefcount(cell.cell_contents) > 1)

def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
for _ in range(1000):
    c()
print(c(), c.__closure__[0].cell_contents)
del handlers[0]
print(len(handlers))
del handlers
