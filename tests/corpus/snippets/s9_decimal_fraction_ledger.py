from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction

getcontext().prec = 28
entries = [(f"txn-{i}", Decimal(f"{(i * 7919) % 100000}.{i % 100:02d}") / 100) for i in range(20000)]
balance = sum((amount for _, amount in entries), Decimal("0"))
print(balance, type(balance).__name__)
cents = Decimal("0.01")
rounded = [amount.quantize(cents, rounding=ROUND_HALF_UP) for _, amount in entries]
print(rounded[:3], sum(rounded))
print(Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), 0.1 + 0.2 == 0.3)
fees = [a * Decimal("0.029") + Decimal("0.30") for a in rounded[:5]]
print([f.quantize(cents) for f in fees])
shares = [Fraction(1, n) for n in range(1, 2000)]
total = sum(shares)
print(total.numerator.bit_length(), float(total))
split = Fraction(100) / 3
print(split, split * 3 == 100, Fraction("0.125"), Fraction(1.5))
print(Decimal(1) / Decimal(7), Decimal("2").sqrt())
del entries, shares
print(max(rounded), min(rounded), len(set(rounded)))
