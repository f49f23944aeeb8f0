import json

orders = []
for i in range(8000):
    orders.append({
        "id": i,
        "customer": {"name": f"Customer {i % 500}", "vip": i % 11 == 0},
        "items": [{"sku": f"SKU-{(i + k) % 300:04d}", "qty": k + 1, "price": round(1.5 * (k + 1), 2)} for k in range(i % 4 + 1)],
        "shipped": None if i % 3 else "2024-01-01",
    })
blob = json.dumps(orders)
print(len(blob))
pretty = json.dumps(orders[:2], indent=2, sort_keys=True)
print(pretty[:200])
back = json.loads(blob)
print(back == orders, type(back[0]["items"]).__name__)
del orders
totals = {}
for o in back:
    name = o["customer"]["name"]
    totals[name] = totals.get(name, 0) + sum(it["qty"] * it["price"] for it in o["items"])
print(len(totals), round(max(totals.values()), 2))
compact = json.dumps(back, separators=(",", ":"))
print(len(compact) < len(blob))
try:
    json.loads(blob[:-5])
except json.JSONDecodeError as exc:
    print("bad json:", exc.msg, exc.pos)
del blob, compact
print(json.dumps({"a": float("inf"), "b": (1, 2), "c": "é"}))
