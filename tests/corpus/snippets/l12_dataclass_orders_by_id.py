import sys
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
for i in range(50000):
    o = Order(i)
    o.add(f"item-{i % 100}", i * 0.5)
    orders.append(o)

print(len(orders), sys.getsizeof(orders))
big = {o.id: o for o in orders if o.total > 1000}
print(len(big))
del orders
print(len(big))
big.clear()
