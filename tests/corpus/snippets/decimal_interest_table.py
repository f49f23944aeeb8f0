# Amortization / compound-interest tables with Decimal: keep every row, then throw them away.
from decimal import Decimal, getcontext, ROUND_HALF_EVEN

getcontext().prec = 20
getcontext().rounding = ROUND_HALF_EVEN


def amortize(principal, annual_rate, months):
    r = annual_rate / 12
    payment = (principal * r / (1 - (1 + r) ** -months)).quantize(Decimal("0.01"))
    rows = []
    balance = principal
    for m in range(1, months + 1):
        interest = (balance * r).quantize(Decimal("0.01"))
        balance = balance + interest - payment
        rows.append((m, payment, interest, balance))
    return rows


tables = {}
for rate in ("3.5", "4.25", "5", "6.75"):
    for years in (15, 30):
        tables[(rate, years)] = amortize(Decimal(250_000), Decimal(rate) / 100, years * 12)

rows = tables[("5", 30)]
for m, pay, interest, bal in rows[:3] + rows[-2:]:
    print(f"{m:>4} {pay:>10} {interest:>9} {bal:>12.2f}")
print(sum(len(t) for t in tables.values()), "rows")

growth = [Decimal(1000) * (1 + Decimal("0.05") / 12) ** n for n in range(0, 600)]
print(growth[-1].quantize(Decimal("0.01")), growth[120].normalize())
del tables, rows
print(len(growth))
