import json

def make_order(i):
    return {
        "id": i,
        "customer": {"name": f"Customer {i % 311}", "tags": ["vip"] if i % 10 == 0 else []},
        "lines": [{"sku": f"SKU-{j:04d}", "qty": j % 4 + 1, "price": round(1.5 * j, 2)} for j in range(i % 6 + 1)],
        "shipped": i % 2 == 0,
        "note": None,
    }

orders = [make_order(i) for i in range(20000)]
payload = json.dumps(orders, sort_keys=True)
print(len(payload), payload[:80])

back = json.loads(payload)
print(back == orders, back[7]["lines"][-1])

compact = json.dumps(back, separators=(",", ":"))
print(len(compact), len(payload) - len(compact))

revenue = sum(l["qty"] * l["price"] for o in back for l in o["lines"])
print(f"revenue {revenue:,.2f}")
del orders, back
pretty = json.dumps(json.loads(compact)[:2], indent=2)
print(pretty.count("\n"))
