from enum import Enum, auto, unique
from collections import Counter

@unique
class State(Enum):
    NEW = auto()
    RUNNING = auto()
    BLOCKED = auto()
    DONE = auto()
    def next(self):
        order = list(State)
        return order[min(order.index(self) + 1, len(order) - 1)]

print([s.value for s in State], State(3), State["DONE"])
jobs = [State.NEW] * 50000
for step in range(3):
    jobs = [s.next() if (i + step) % 3 else s for i, s in enumerate(jobs)]
counts = Counter(jobs)
print(sorted((s.name, n) for s, n in counts.items()))
names = [j.name for j in jobs]
print(len(names), names[:3], State.RUNNING in jobs)
del jobs, names
print(len(State), State.DONE.next())
