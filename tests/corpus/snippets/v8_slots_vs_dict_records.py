import sys


class Rec:
    def __init__(self, a, b, c, d):
        self.a = a
        self.b = b
        self.c = c
        self.d = d


class SlotRec:
    __slots__ = ("a", "b", "c", "d")

    def __init__(self, a, b, c, d):
        self.a = a
        self.b = b
        self.c = c
        self.d = d


plain = [Rec(i, i + 1, "c", None) for i in range(100000)]
slotted = [SlotRec(i, i + 1, "c", None) for i in range(100000)]
print(sys.getsizeof(plain[0]), sys.getsizeof(slotted[0]))
del plain
vars_list = [vars(Rec(i, 0, 0, 0)) for i in range(20000)]
print(len(vars_list[0]))
del slotted, vars_list
