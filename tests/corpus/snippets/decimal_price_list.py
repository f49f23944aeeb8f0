from decimal import Decimal, getcontext

getcontext().prec = 12
prices = [Decimal("0.10") * i for i in range(200000)]
print(prices[12345], sum(prices[:1000]))

total = sum(prices, Decimal(0))
print(total.quantize(Decimal("0.01")))
del prices
