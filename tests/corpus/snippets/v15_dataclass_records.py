from dataclasses import dataclass


@dataclass
class Order:
    order_id: int
    customer: str
    amount: float


orders = [Order(i, f"c{i % 500}", (i % 97) * 1.25) for i in range(80000)]
print(orders[5])
orders.sort(key=lambda o: (o.customer, -o.amount))
print(orders[0].customer)
big = [o for o in orders if o.amount > 100]
print(len(big))
by_customer = {}
for o in orders:
    by_customer[o.customer] = by_customer.get(o.customer, 0.0) + o.amount
print(len(by_customer))
del orders
print(len(big))
del big, by_customer
