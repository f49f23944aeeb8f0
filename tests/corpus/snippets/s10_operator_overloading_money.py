from functools import total_ordering


@total_ordering
class Money:
    __slots__ = ("cents", "currency")

    def __init__(self, cents, currency="EUR"):
        self.cents = int(cents)
        self.currency = currency

    def _check(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ValueError(f"currency mismatch: {self.currency} vs {other.currency}")
        return other

    def __add__(self, other):
        other = self._check(other)
        if other is NotImplemented:
            return other
        return Money(self.cents + other.cents, self.currency)

    def __radd__(self, other):
        if other == 0:
            return self
        return self.__add__(other)

    def __mul__(self, k):
        return Money(round(self.cents * k), self.currency)

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Money) and (self.cents, self.currency) == (other.cents, other.currency)

    def __lt__(self, other):
        return self.cents < self._check(other).cents

    def __hash__(self):
        return hash((self.cents, self.currency))

    def __repr__(self):
        return f"{self.cents / 100:.2f} {self.currency}"


prices = [Money(i * 37 % 10000) for i in range(50000)]
print(sum(prices), max(prices), min(prices), sorted(prices)[:2])
print(prices[3] * 1.5, 2 * prices[4], prices[1] >= prices[2])
try:
    prices[0] + Money(5, "USD")
except ValueError as e:
    print(e)
print(len(set(prices)))
del prices
