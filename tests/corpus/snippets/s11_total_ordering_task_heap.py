from functools import total_ordering
import heapq

@total_ordering
class Task:
    __slots__ = ("priority", "seq", "name")

    def __init__(self, priority, seq, name):
        self.priority = priority
        self.seq = seq
        self.name = name

    def __eq__(self, other):
        if not isinstance(other, Task):
            return NotImplemented
        return (self.priority, self.seq) == (other.priority, other.seq)

    def __lt__(self, other):
        if not isinstance(other, Task):
            return NotImplemented
        return (self.priority, self.seq) < (other.priority, other.seq)

    def __repr__(self):
        return f"Task({self.priority}, {self.name!r})"

heap = []
for i in range(25000):
    heapq.heappush(heap, Task((i * 13) % 97, i, f"job{i}"))
print(len(heap), heap[0])
first = [heapq.heappop(heap) for _ in range(5)]
print(first)
print(Task(1, 0, "a") >= Task(1, 0, "b"), Task(2, 0, "a") > Task(1, 9, "b"), Task(1, 1, "x") <= Task(1, 1, "y"))
print(max(heap[:100]), sorted(heap[:1000])[0])
while len(heap) > 1000:
    heapq.heappop(heap)
print(len(heap), heapq.nsmallest(2, heap))
