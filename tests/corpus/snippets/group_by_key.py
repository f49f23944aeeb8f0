orders = [{"customer": f"c{i % 2000}", "amount": i % 97, "items": [i, i + 1]} for i in range(200000)]

by_customer = {}
for order in orders:
    by_customer.setdefault(order["customer"], []).append(order)

spend = {c: sum(o["amount"] for o in lst) for c, lst in by_customer.items()}
print(max(spend.values()))

orders = []
by_customer = {}
