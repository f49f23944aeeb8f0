# A small ledger: why does memory stay up after I drop 50k Decimal transactions?
from decimal import Decimal, ROUND_HALF_UP, localcontext
import random

random.seed(7)
CENT = Decimal("0.01")
accounts = {f"acct-{i:03d}": Decimal("0.00") for i in range(200)}
ledger = []
for n in range(50_000):
    acct = f"acct-{random.randrange(200):03d}"
    amount = (Decimal(random.randrange(-50_000, 100_000)) / 100).quantize(CENT)
    fee = (abs(amount) * Decimal("0.029") + Decimal("0.30")).quantize(CENT, rounding=ROUND_HALF_UP)
    ledger.append((acct, amount, fee))
    accounts[acct] += amount - fee

total_fees = sum((fee for _, _, fee in ledger), Decimal(0))
print(f"transactions: {len(ledger):,}  fees: {total_fees:,.2f}")
richest = max(accounts, key=accounts.get)
print(richest, f"{accounts[richest]:>14,.2f}")

with localcontext() as ctx:
    ctx.prec = 6
    share = {k: v / sum(accounts.values()) for k, v in list(accounts.items())[:5]}
print({k: str(v) for k, v in share.items()})

del ledger
print(sum(accounts.values()).quantize(CENT))
