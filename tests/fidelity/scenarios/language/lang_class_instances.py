# title: A class with many instances, most of them dropped
#
# Issue 7: classes. 200,000 Order objects, each with four attributes set in
# __init__ (3.11: a 56-byte object plus a separate values array sized from
# the class's shared keys), a str attribute per order and a method that
# builds a small dict. Keeping the big orders only drops most objects, which
# scatters the survivors across pymalloc's pools.
class Order:
    tax_rate = 0.2

    def __init__(self, order_id, customer, amount):
        self.order_id = order_id
        self.customer = customer
        self.amount = amount
        self.tags = []

    def total(self):
        return self.amount * (1 + self.tax_rate)

    def to_dict(self):
        return {"id": self.order_id, "customer": self.customer, "total": self.total()}

    def __repr__(self):
        return f"Order({self.order_id}, {self.customer!r}, {self.amount})"


orders = [Order(i, "customer-%d" % (i % 5000), i % 997) for i in range(200000)]
big = [o for o in orders if o.amount > 900]
summary = [o.to_dict() for o in big]
del orders
print(len(big), repr(big[0]))
del summary
