import heapq
import itertools

pq = []
entry_finder = {}
REMOVED = "<removed-task>"
counter = itertools.count()


def add_task(task, priority=0):
    if task in entry_finder:
        remove_task(task)
    count = next(counter)
    entry = [priority, count, task]
    entry_finder[task] = entry
    heapq.heappush(pq, entry)


def remove_task(task):
    entry = entry_finder.pop(task)
    entry[-1] = REMOVED


def pop_task():
    while pq:
        priority, count, task = heapq.heappop(pq)
        if task is not REMOVED:
            del entry_finder[task]
            return task
    raise KeyError("pop from an empty priority queue")


for i in range(100000):
    add_task(f"job-{i}", priority=(i * 37) % 1000)
for i in range(0, 100000, 3):
    remove_task(f"job-{i}")
for i in range(1, 100000, 7):
    add_task(f"job-{i}", priority=-i)
print(len(pq), len(entry_finder))
done = [pop_task() for _ in range(50000)]
print(done[:3], len(pq), len(entry_finder))
while entry_finder:
    pop_task()
print("left in heap", len(pq))
try:
    pop_task()
except KeyError as e:
    print(e)
