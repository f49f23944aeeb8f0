from decimal import Decimal


class Money:
    __slots__ = ("amount", "currency")

    def __init__(self, amount, currency):
        self.amount = Decimal(amount)
        self.currency = currency

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.amount, self.currency) == (other.amount, other.currency)

    def __hash__(self):
        return hash((self.amount, self.currency))

    def __repr__(self):
        return f"Money('{self.amount}', {self.currency!r})"

    def __lt__(self, other):
        return (self.currency, self.amount) < (other.currency, other.amount)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


prices = [Money(f"{i % 500}.{i % 100:02d}", "EUR" if i % 2 else "USD") for i in range(100000)]
unique = set(prices)
print(len(prices), len(unique), Money("1.5", "EUR") == Money("1.50", "EUR"))
print(sorted(unique)[:2], Money("1", "EUR") == 1)
counts = {}
for p in prices:
    counts[p] = counts.get(p, 0) + 1
print(max(counts.values()), counts[Money("0.00", "USD")])
try:
    {Point(1, 2)}
except TypeError as e:
    print("TypeError:", e)
print(Point.__hash__, Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1))
del prices
print(len(unique))
unique.clear()
