import heapq, itertools
from dataclasses import dataclass, field
from functools import total_ordering

@dataclass(order=True)
class Task:
    priority: int
    seq: int
    name: str = field(compare=False)
    payload: list = field(compare=False, default_factory=list)

counter = itertools.count()
pq = []
for i in range(50000):
    heapq.heappush(pq, Task((i * 7919) % 1000, next(counter), f"t{i}", [i] * 3))
done = [heapq.heappop(pq) for _ in range(40000)]
print(done[0].priority, done[-1].priority, len(pq))

@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
vs = sorted(Version(f"{i % 7}.{i % 13}.{i % 5}") for i in range(30000))
print(vs[0].parts, vs[-1].parts, Version("1.2.3") >= Version("1.2.0"))
del done, pq, vs
