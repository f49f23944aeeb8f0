import heapq
import itertools
from dataclasses import dataclass, field
from typing import Any


@dataclass(order=True)
class Task:
    when: float
    seq: int
    name: str = field(compare=False)
    payload: Any = field(compare=False, default=None)


class Scheduler:
    def __init__(self):
        self.queue = []
        self.counter = itertools.count()
        self.clock = 0.0
        self.done = []

    def schedule(self, delay, name, payload=None):
        heapq.heappush(self.queue, Task(self.clock + delay, next(self.counter), name, payload))

    def run(self, until):
        while self.queue and self.queue[0].when <= until:
            task = heapq.heappop(self.queue)
            self.clock = task.when
            self.done.append(task.name)
            if task.name == "tick" and task.payload < 3000:
                self.schedule(1.0, "tick", task.payload + 1)
            elif task.name == "spawn":
                for k in range(3):
                    self.schedule(0.5 * (k + 1), "job", [task.payload] * 10)


s = Scheduler()
s.schedule(0, "tick", 0)
for i in range(2000):
    s.schedule(i * 0.7, "spawn", i)
s.run(until=1500)
print("clock", s.clock, "done", len(s.done), "pending", len(s.queue))
print(s.queue[0] if s.queue else None)
s.run(until=10_000)
print("clock", s.clock, "done", len(s.done), "pending", len(s.queue))
del s
