import sys


def bare():
    yield 1


def three(a, b, c):
    x = a + b
    yield x
    yield c


async def coro(a):
    return a


async def agen(n):
    for i in range(n):
        yield i


words = ["a"]
cases = [
    "sys.getsizeof(bare())",
    "sys.getsizeof(three(1, 2, 3))",
    "sys.getsizeof(w for w in words)",
    "sys.getsizeof(w.upper() for w in words)",
    "sys.getsizeof((x * 2 for x in range(3)))",
    "sys.getsizeof(agen(3))",
    "[sys.getsizeof(g) for g in ((i for i in range(2)), (i + j for i in range(2) for j in range(2)))]",
    "bare().__sizeof__()",
    "(lambda c: (sys.getsizeof(c), c.close()))(coro(1))[0]",
]
for line in cases:
    try:
        print(repr(eval(line)))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
