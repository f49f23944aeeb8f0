# A memo dict kept as a class attribute: every instance shares it, so it only grows.
class PriceCalculator:
    _memo = {}

    def __init__(self, rate):
        self.rate = rate

    def price(self, qty):
        key = (self.rate, qty)
        if key not in PriceCalculator._memo:
            PriceCalculator._memo[key] = round(qty * self.rate * 1.19, 2)
        return PriceCalculator._memo[key]

calcs = [PriceCalculator(r / 10) for r in range(1, 21)]
total = 0.0
for c in calcs:
    for q in range(5000):
        total += c.price(q)
print(f"memo entries: {len(PriceCalculator._memo)}, total {total:.2f}")
del calcs
print("after del calcs:", len(PriceCalculator._memo))
PriceCalculator._memo.clear()
print("cleared:", len(PriceCalculator._memo))
