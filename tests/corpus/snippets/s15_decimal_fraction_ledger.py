from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction
import random

random.seed(21)
getcontext().prec = 28
entries = [Decimal(random.randint(1, 100000)) / Decimal(100) for _ in range(50000)]
total = sum(entries, Decimal("0"))
print(total, len(entries))

vat = [(e * Decimal("0.19")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for e in entries]
print(sum(vat), max(vat), min(vat))
del vat

shares = [Fraction(1, n) for n in range(1, 3000)]
h = sum(shares)
print(h.numerator.bit_length(), h.denominator.bit_length(), float(h))
del shares
ratio = Fraction(total).limit_denominator(1000)
print(ratio)
del entries, h
