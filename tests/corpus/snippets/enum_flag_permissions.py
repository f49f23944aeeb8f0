from enum import Enum, Flag, IntEnum, auto


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


files = []
for i in range(50_000):
    perm = Perm.R
    if i % 2:
        perm |= Perm.W
    if i % 3 == 0:
        perm |= Perm.X
    files.append({"name": f"file{i}.txt", "perm": perm, "color": list(Color)[i % 3], "prio": Priority(1 if i % 4 else 10)})

writable = [f for f in files if Perm.W in f["perm"]]
print(len(writable), Perm.R | Perm.W)
print(Color.RED, Color["BLUE"].value, Priority.HIGH > Priority.LOW)

by_color = {c: sum(1 for f in files if f["color"] is c) for c in Color}
print(by_color)
files.clear()
