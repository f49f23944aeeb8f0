from functools import total_ordering


@total_ordering
class Money:
    __slots__ = ("cents", "currency")

    def __init__(self, amount, currency="EUR"):
        self.cents = round(amount * 100)
        self.currency = currency

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.cents, self.currency) == (other.cents, other.currency)

    def __lt__(self, other):
        if self.currency != other.currency:
            raise TypeError(f"cannot compare {self.currency} with {other.currency}")
        return self.cents < other.cents

    def __hash__(self):
        return hash((self.cents, self.currency))

    def __repr__(self):
        return f"Money({self.cents / 100:.2f} {self.currency})"


prices = [Money(((i * 7919) % 100000) / 100) for i in range(40000)]
prices.sort()
print(prices[:2], prices[-1])
print(Money(3) >= Money(2.5), Money(1) <= Money(1), Money(2) > Money(3))
print(len(set(prices)), min(prices), max(prices))
try:
    Money(1) < Money(1, "USD")
except TypeError as exc:
    print(exc)
print(Money(1) == 1, Money(1) != Money(1, "USD"))
cheap = [p for p in prices if p < Money(10)]
print(len(cheap))
del prices
print(sorted(cheap, reverse=True)[:2])
