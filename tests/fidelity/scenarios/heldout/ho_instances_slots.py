# title: __slots__ against a plain class, 300,000 of each
class Plain:
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


class Slotted:
    __slots__ = ("a", "b", "c")

    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


plain = [Plain(i, i * 2.5, None) for i in range(300000)]
slotted = [Slotted(i, i * 2.5, None) for i in range(300000)]
del plain
del slotted
