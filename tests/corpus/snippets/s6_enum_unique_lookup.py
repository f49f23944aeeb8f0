from enum import Enum, IntEnum, unique


@unique
class Color(Enum):
    RED = "r"
    GREEN = "g"
    BLUE = "b"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.lower() in ("r", "g", "b"):
            return cls(value.lower())
        return None

    def describe(self):
        return f"{self.name.title()} ({self.value})"


class Priority(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10


codes = ["r", "G", "b", "B", "g"] * 40000
colors = [Color(c) for c in codes]
print(len(colors), colors[1], Color["BLUE"].describe(), list(Color.__members__))
counts = {}
for c in colors:
    counts[c] = counts.get(c, 0) + 1
print({k.name: v for k, v in counts.items()})
ranked = sorted([Priority(p) for p in (1, 5, 10) * 20000], reverse=True)
print(ranked[0] > Priority.MID, ranked[-1] + 1, Priority.HIGH.name)
try:
    Color("x")
except ValueError as e:
    print("bad:", e)
del colors, ranked
