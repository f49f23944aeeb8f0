from dataclasses import dataclass, field


@dataclass
class Order:
    order_id: int
    customer: str
    items: list = field(default_factory=list)

    def total(self):
        return sum(qty * price for qty, price in self.items)


orders = [Order(i, f"cust{i % 500}", [(1 + i % 3, 9.5), (2, 1.25)]) for i in range(40000)]
print(len(orders), orders[7])
by_customer = {}
for o in orders:
    by_customer.setdefault(o.customer, []).append(o.total())
print(len(by_customer), round(sum(by_customer["cust7"]), 2))
big = [o for o in orders if o.total() > 20]
print(len(big))
del orders
del by_customer
print(len(big), big[0].order_id)
