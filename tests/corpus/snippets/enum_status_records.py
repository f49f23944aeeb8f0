from enum import Enum, auto


class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()
    FAILED = auto()


class Job:
    def __init__(self, jid, status):
        self.jid = jid
        self.status = status
        self.log = []


jobs = [Job(i, Status.PENDING) for i in range(100000)]
for j in jobs:
    j.status = Status.DONE if j.jid % 10 else Status.FAILED
    j.log.append(f"job {j.jid} -> {j.status.name}")

failed = [j for j in jobs if j.status is Status.FAILED]
print(len(failed), failed[0].log, Status(2))
del jobs
