from dataclasses import dataclass, field
from typing import List, Optional
import itertools, operator

@dataclass(order=True)
class Order:
    priority: int
    oid: int = field(compare=False)
    items: List[str] = field(default_factory=list, compare=False)
    note: Optional[str] = field(default=None, compare=False, repr=False)

    @property
    def total(self) -> int:
        return len(self.items) * 3

orders = [Order(i % 5, i, [f"sku{j}" for j in range(i % 4)]) for i in range(30_000)]
orders.sort()
print(orders[0], orders[-1].priority)
groups = {k: len(list(g)) for k, g in itertools.groupby(orders, key=operator.attrgetter("priority"))}
print(groups)
print(sum(o.total for o in orders))
acc = list(itertools.accumulate(range(10), operator.mul, initial=1))
print(acc)
top = sorted(orders, key=lambda o: (-len(o.items), o.oid))[:3]
print([(o.oid, o.items) for o in top])
del orders, top
