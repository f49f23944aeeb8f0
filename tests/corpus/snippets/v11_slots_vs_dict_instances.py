import sys


class Plain:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Slotted:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


plain = [Plain(i, i * 2, str(i)) for i in range(50000)]
print(sys.getsizeof(plain[0]), len(plain))
slotted = [Slotted(i, i * 2, str(i)) for i in range(50000)]
print(sys.getsizeof(slotted[0]), len(slotted))
del plain
print(sum(s.y for s in slotted))
del slotted
