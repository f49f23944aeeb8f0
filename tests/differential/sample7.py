import json
import pickle
import sys
from enum import Enum, Flag, IntFlag, StrEnum, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    RW = READ | WRITE
    ALL = RW | EXEC


print(list(Perm), Perm.RW, Perm.ALL.value, Perm(3) is Perm.RW)


class Bits(IntFlag):
    A = auto()
    B = auto()
    AB = A | B
    C = 8


print(Bits.AB, int(Bits.AB), Bits.C | Bits.A)


class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = 10
    PINK = auto()
    SHADE = PINK


print(list(Color), Color.SHADE is Color.PINK)


class Lower(StrEnum):
    X = auto()
    Y = "why"


print(Lower.X.value, Lower.Y)


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    ONE = auto()
    TWO = auto()


print(Named.TWO.value)
try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError:", e)


class Node:
    def __init__(self, name):
        self.name = name
        self.kids = []
        self.parent = None


root = Node("r")
for i in range(3):
    k = Node(f"k{i}")
    k.parent = root
    root.kids.append(k)
for proto in (2, 3):
    b = pickle.dumps(root, protocol=proto)
    print(proto, len(b), b)
    back = pickle.loads(b)
    print(back.kids[1].parent is back, [k.name for k in back.kids])
print(pickle.dumps(Node, protocol=2), pickle.dumps([Node, Node], protocol=3))

a = "hello_world"
c = "".join(["hello_", "world"])
print(a is c, a is sys.intern(c))
d = "".join(["hello ", "there"])
e = "hello there"
print(d is sys.intern(d), e is sys.intern(d))


def inner():
    return "inner_name"


print(sys.intern("".join(["inner_", "name"])) is inner())

for bad in ['{"a": 1,}', '{"a": 1, }', '[1, 2', '\n\n  {"x": tru}', '', '{"a" 1}']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(e.msg), e.pos, e.lineno, e.colno, e.doc == bad, str(e), e.args, isinstance(e, ValueError))


def top(x):
    return x


def outer():
    def inner():
        pass

    class Local:
        pass

    return inner, Local


for proto in (2, 4, 5):
    print(proto, pickle.dumps(top, protocol=proto), pickle.dumps([top, top], protocol=proto))
print(pickle.loads(pickle.dumps(top)) is top)
for obj in (lambda x: x, outer()[0], outer()[1]):
    try:
        pickle.dumps(obj)
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0], str(e).split(">")[-1])
alias = top


def top(x):
    return x + 1


try:
    pickle.dumps(alias)
except Exception as e:
    print(type(e).__name__, str(e).split(" at 0x")[0], str(e).split(">")[-1])

folded = "fold_" + "ed"
print(sys.intern("".join(["fold_", "ed"])) is folded)
