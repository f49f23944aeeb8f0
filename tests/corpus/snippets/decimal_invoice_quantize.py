from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 28
CENT = Decimal("0.01")
VAT = Decimal("0.21")

lines = []
for i in range(20_000):
    unit = Decimal(i % 997) / Decimal(7)
    qty = i % 5 + 1
    net = (unit * qty).quantize(CENT, rounding=ROUND_HALF_UP)
    lines.append((f"item-{i}", qty, net))

net_total = sum(net for _, _, net in lines)
vat = (net_total * VAT).quantize(CENT, rounding=ROUND_HALF_UP)
print("net  ", net_total)
print("vat  ", vat)
print("gross", net_total + vat)
print(lines[10])
print(0.1 + 0.2, Decimal("0.1") + Decimal("0.2"))
del lines
