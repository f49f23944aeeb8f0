import sys
from array import array
from collections import OrderedDict, deque, namedtuple

Pair = namedtuple("Pair", "a b")


class Plain:
    def __init__(self):
        self.a = 1
        self.b = 2


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


rows = []
for n in (0, 1, 5, 10, 100, 1000, 10000):
    data = list(range(n))
    rows.append((
        n,
        sys.getsizeof(data),
        sys.getsizeof(tuple(data)),
        sys.getsizeof(set(data)),
        sys.getsizeof(dict.fromkeys(data)),
        sys.getsizeof(deque(data)),
        sys.getsizeof(array("i", data)),
        sys.getsizeof(bytes(n)),
        sys.getsizeof("x" * n),
        sys.getsizeof(OrderedDict.fromkeys(data)),
    ))
print(f"{'n':>6} {'list':>7} {'tuple':>7} {'set':>7} {'dict':>7} {'deque':>7} {'array':>7} {'bytes':>7} {'str':>7} {'odict':>7}")
for row in rows:
    print(" ".join(f"{v:>7}" for v in row))
print(sys.getsizeof(Plain()), sys.getsizeof(Plain().__dict__), sys.getsizeof(Slotted()), sys.getsizeof(Pair(1, 2)))
print(sys.getsizeof(0), sys.getsizeof(2**30), sys.getsizeof(2**100), sys.getsizeof(1.0), sys.getsizeof(1j))
print(sys.getsizeof("é"), sys.getsizeof("€"), sys.getsizeof("😀"), sys.getsizeof(b""), sys.getsizeof(bytearray(10)))
print(sys.getsizeof(range(10)), sys.getsizeof(iter([])), sys.getsizeof(lambda: 0), sys.getsizeof(None), sys.getsizeof(...))
grow = []
last = sys.getsizeof(grow)
changes = []
for i in range(200):
    grow.append(i)
    size = sys.getsizeof(grow)
    if size != last:
        changes.append(len(grow))
        last = size
print(changes)
