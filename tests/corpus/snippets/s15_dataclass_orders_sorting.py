from dataclasses import dataclass, field, asdict
from datetime import date
import random

random.seed(30)


@dataclass(order=True)
class LineItem:
    sku: str
    qty: int
    price: float


@dataclass
class Order:
    number: int
    placed: date
    items: list = field(default_factory=list)
    notes: dict = field(default_factory=dict)

    @property
    def total(self):
        return sum(i.qty * i.price for i in self.items)


orders = []
for n in range(8000):
    o = Order(n, date(2024, 1 + n % 12, 1 + n % 28))
    for k in range(random.randint(1, 6)):
        o.items.append(LineItem(f"SKU{random.randint(1, 400)}", random.randint(1, 5), round(random.uniform(1, 99), 2)))
    orders.append(o)
print(orders[0], round(orders[0].total, 2))

biggest = sorted(orders, key=lambda o: o.total, reverse=True)[:3]
print([b.number for b in biggest])
items = sorted(i for o in orders for i in o.items)
print(items[0], items[-1], len(items))
as_dicts = [asdict(o) for o in orders[:2000]]
print(as_dicts[1]["items"][0], len(as_dicts))
del as_dicts, items
monthly = {}
for o in orders:
    monthly.setdefault(o.placed.month, []).append(o.total)
print({m: round(sum(v), 2) for m, v in sorted(monthly.items())[:3]})
del orders, biggest, monthly
