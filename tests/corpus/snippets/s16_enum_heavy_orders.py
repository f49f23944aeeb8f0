from enum import Enum, IntEnum, Flag, auto
from collections import Counter
import random

class Status(Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

class Perm(Flag):
    READ = auto()
    WRITE = auto()
    ADMIN = auto()

random.seed(7)
orders = []
for i in range(60000):
    orders.append({
        "id": i,
        "status": random.choice(list(Status)),
        "priority": Priority(i % 3 + 1),
        "perm": Perm.READ | (Perm.WRITE if i % 2 else Perm.READ),
    })

counts = Counter(o["status"] for o in orders)
print(counts.most_common(2))

urgent = sorted((o for o in orders if o["priority"] >= Priority.MEDIUM), key=lambda o: (-o["priority"], o["id"]))
print(len(urgent), urgent[0]["priority"].name)

writers = sum(1 for o in orders if Perm.WRITE in o["perm"])
print("writers", writers)

by_value = [Status(o["status"].value) for o in orders[:1000]]
print(by_value[0] is orders[0]["status"], Status["PAID"].value)
del orders, urgent, by_value
