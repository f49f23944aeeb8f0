import gc
from dataclasses import dataclass, field
from typing import List

@dataclass
class Order:
    id: int
    items: List[str] = field(default_factory=list)
    total: float = 0.0

    def add(self, name, price):
        self.items.append(name)
        self.total += price

orders = []
for i in range(20000):
    o = Order(i)
    for j in range(3):
        o.add(f"item-{j}", j * 1.5)
    orders.append(o)

big = [o for o in orders if o.total > 4]
print(len(big), sum(o.total for o in orders))
del orders
gc.collect()
print(len(big), big[0])
del big
