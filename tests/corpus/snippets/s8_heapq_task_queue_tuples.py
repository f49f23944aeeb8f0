import heapq
import itertools

REMOVED = "<removed>"


class TaskQueue:
    def __init__(self):
        self.heap = []
        self.entries = {}
        self.counter = itertools.count()

    def push(self, task, priority=0):
        if task in self.entries:
            self.remove(task)
        entry = [priority, next(self.counter), task]
        self.entries[task] = entry
        heapq.heappush(self.heap, entry)

    def remove(self, task):
        entry = self.entries.pop(task)
        entry[-1] = REMOVED

    def pop(self):
        while self.heap:
            priority, count, task = heapq.heappop(self.heap)
            if task is not REMOVED:
                del self.entries[task]
                return task, priority
        raise KeyError("pop from an empty priority queue")


q = TaskQueue()
for i in range(100000):
    q.push(f"job-{i}", (i * 7919) % 1000)
for i in range(0, 100000, 3):
    q.push(f"job-{i}", -i % 50)
print(len(q.heap), len(q.entries))
first = [q.pop() for _ in range(5)]
print(first)
drained = 0
try:
    while True:
        q.pop()
        drained += 1
except KeyError as e:
    print(drained, e)
print(len(q.heap), len(q.entries))
pairs = [(i % 100, -i, str(i)) for i in range(50000)]
print(heapq.nsmallest(3, pairs), heapq.nlargest(2, pairs, key=lambda t: t[1]))
heapq.heapify(pairs)
print(heapq.heappushpop(pairs, (0, 1, "x")), heapq.heapreplace(pairs, (5, 5, "y")))
del pairs, q
