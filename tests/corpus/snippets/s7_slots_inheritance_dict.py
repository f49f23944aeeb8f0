import sys


class Base:
    __slots__ = ("id", "name")

    def __init__(self, id, name):
        self.id = id
        self.name = name


class Slotted(Base):
    __slots__ = ("score",)

    def __init__(self, id, name, score):
        super().__init__(id, name)
        self.score = score


class Forgot(Base):
    def __init__(self, id, name, score):
        super().__init__(id, name)
        self.score = score


a = Slotted(1, "a", 2.0)
b = Forgot(1, "b", 2.0)
print(hasattr(a, "__dict__"), hasattr(b, "__dict__"), b.__dict__)
print(sys.getsizeof(a), sys.getsizeof(b), Slotted.__slots__, Base.__slots__)
try:
    a.extra = 1
except AttributeError as e:
    print("AttributeError:", e)
b.extra = 1
print(sorted(vars(b)))

slotted = [Slotted(i, str(i), i * 0.1) for i in range(100000)]
print(len(slotted))
forgot = [Forgot(i, str(i), i * 0.1) for i in range(100000)]
print(len(forgot))
print(type(Slotted.score).__name__, Slotted.score.__get__(a))
del slotted
del forgot
