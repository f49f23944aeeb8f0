from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction

getcontext().prec = 28
lines = [(Decimal(f"{i % 100}.{i % 97:02d}"), i % 5 + 1) for i in range(20000)]
subtotal = sum(price * qty for price, qty in lines)
tax = (subtotal * Decimal("0.0825")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
print(subtotal, tax, subtotal + tax)
shares = [Fraction(1, n) for n in range(1, 300)]
total = sum(shares)
print(total.numerator % 1000003, total.denominator % 1000003, float(total))
print(Fraction("3.1415926535").limit_denominator(1000))
del lines, shares
print(Decimal(1) / Decimal(7))
