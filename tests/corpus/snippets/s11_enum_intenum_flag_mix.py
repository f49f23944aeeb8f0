from enum import Enum, IntEnum, Flag, auto
from collections import Counter

class Color(Enum):
    RED = "r"
    GREEN = "g"
    BLUE = "b"

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10

class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()

events = []
for i in range(30000):
    events.append((list(Color)[i % 3], Priority(list(Priority)[i % 3]), Perm.READ | (Perm.WRITE if i % 2 else Perm.READ)))

print(Counter(c for c, _, _ in events).most_common())
print(sum(p for _, p, _ in events), max(p for _, p, _ in events))
print(Color("g"), Color["BLUE"].value, Priority.HIGH > 7)
rw = Perm.READ | Perm.WRITE
print(rw, Perm.WRITE in rw, Perm.EXEC in rw, bool(rw & Perm.EXEC))
print(sorted({p for _, _, p in events}, key=lambda f: f.value))
print([m.name for m in Priority], Priority(5).name)
del events
print(len(Color.__members__))
