# title: dataclasses in a list, sorted and filtered
from dataclasses import dataclass


@dataclass
class Order:
    oid: int
    customer: str
    amount: float


orders = [Order(i, "c%d" % (i % 500), i * 1.5) for i in range(150000)]
orders.sort(key=lambda o: o.amount, reverse=True)
big = [o for o in orders if o.amount > 100000]
by_customer = {}
for o in orders:
    by_customer.setdefault(o.customer, []).append(o)
del orders, big
by_customer.clear()
