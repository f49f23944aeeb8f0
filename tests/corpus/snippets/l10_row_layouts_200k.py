import sys
from collections import namedtuple
from dataclasses import dataclass

Row = namedtuple("Row", "id name score tags")

@dataclass(slots=True)
class SlotRow:
    id: int
    name: str
    score: float
    tags: tuple

class PlainRow:
    def __init__(self, id, name, score, tags):
        self.id = id
        self.name = name
        self.score = score
        self.tags = tags

N = 200_000
as_dicts = [{"id": i, "name": f"user{i}", "score": i * 0.5, "tags": ("a", "b")} for i in range(N)]
print("dicts", sys.getsizeof(as_dicts[0]))
as_tuples = [Row(i, f"user{i}", i * 0.5, ("a", "b")) for i in range(N)]
print("namedtuples", sys.getsizeof(as_tuples[0]))
del as_dicts
as_slots = [SlotRow(i, f"user{i}", i * 0.5, ("a", "b")) for i in range(N)]
print("slots", sys.getsizeof(as_slots[0]))
del as_tuples
as_plain = [PlainRow(i, f"user{i}", i * 0.5, ("a", "b")) for i in range(N)]
print("plain", sys.getsizeof(as_plain[0]), sys.getsizeof(as_plain[0].__dict__))
del as_slots
total = sum(r.score for r in as_plain)
print(total)
del as_plain
