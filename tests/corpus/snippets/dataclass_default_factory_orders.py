from dataclasses import dataclass, field, asdict, replace
from typing import List


@dataclass
class LineItem:
    sku: str
    qty: int
    price: float

    @property
    def total(self) -> float:
        return self.qty * self.price


@dataclass
class Order:
    order_id: int
    customer: str
    items: List[LineItem] = field(default_factory=list)
    tags: set = field(default_factory=set)
    status: str = "new"

    def add(self, sku, qty, price):
        self.items.append(LineItem(sku, qty, price))

    @property
    def total(self):
        return sum(i.total for i in self.items)


orders = []
for n in range(8000):
    o = Order(n, f"cust{n % 500}")
    for k in range(n % 4 + 1):
        o.add(f"SKU-{k:03d}", k + 1, 9.99 + k)
    if n % 10 == 0:
        o.tags.add("priority")
    orders.append(o)

print(orders[3])
print("revenue: %.2f" % sum(o.total for o in orders))
shipped = [replace(o, status="shipped") for o in orders if "priority" in o.tags]
print(len(shipped), shipped[0].status, orders[0].status)
as_dicts = [asdict(o) for o in orders[:2000]]
print(as_dicts[1]["items"][0])
del as_dicts
