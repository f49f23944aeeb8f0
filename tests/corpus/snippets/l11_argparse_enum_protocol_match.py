import argparse, enum, itertools, operator, textwrap, functools, shutil, string, struct, hashlib, uuid, base64, zlib
from typing import Protocol, Iterator

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Shape(Protocol):
    def area(self) -> float: ...

class Sq:
    __slots__ = ("s",)
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s

parser = argparse.ArgumentParser(description="demo")
parser.add_argument("--n", type=int, default=1000)
parser.add_argument("-v", "--verbose", action="store_true")
args = parser.parse_args([])
sq = [Sq(i) for i in range(args.n)]
areas = sorted(sq, key=operator.attrgetter("s"), reverse=True)
print(args, Color.RED, Color(2), list(Color))
print(textwrap.fill("hello world " * 10, width=30))
print(list(itertools.product("ab", repeat=2)))
print(string.ascii_lowercase.translate(str.maketrans("abc", "xyz"))[:5])
print(struct.pack("<IH", 1, 2).hex(), hashlib.sha256(b"x").hexdigest()[:8], base64.b64encode(b"hi"))
print(len(zlib.compress(b"a" * 10000)), uuid.UUID(int=5))
@functools.cache
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(200))
def gen() -> Iterator[int]:
    total = 0
    while True:
        x = yield total
        if x is None: break
        total += x
g = gen(); next(g); print(g.send(5), g.send(7))
match args:
    case argparse.Namespace(n=1000, verbose=False): print("default")
    case _: print("other")
