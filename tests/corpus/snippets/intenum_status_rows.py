from enum import IntEnum, Flag, auto


class Status(IntEnum):
    NEW = 0
    ACTIVE = 1
    SUSPENDED = 2
    CLOSED = 3


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    ADMIN = auto()


rows = [{"id": i, "status": Status(i % 4), "perm": Perm.READ | Perm.WRITE if i % 3 else Perm.READ}
        for i in range(100000)]
active = sum(1 for r in rows if r["status"] == Status.ACTIVE)
writers = sum(1 for r in rows if Perm.WRITE in r["perm"])
print(active, writers, max(r["status"] for r in rows), repr(rows[4]["perm"]))
del rows
