stores = []
for s in range(20):
    stock = {}
    for i in range(s * 500, s * 500 + 4000):
        stock.setdefault(f"sku{i}", []).append(s)
    stores.append(stock)

merged = {}
for stock in stores:
    merged |= stock
print(len(merged))
combined = {}
for stock in stores:
    for sku, where in stock.items():
        combined.setdefault(sku, []).extend(where)
print(len(combined), combined["sku2000"])
defaults = {"color": "grey", "size": "M", "qty": 0}
overrides = [{"qty": i, "color": "red"} if i % 2 else {"qty": i} for i in range(30000)]
products = [defaults | o for o in overrides]
print(products[1], products[2], len(products))
a = {"x": 1, "y": 2}
b = {"y": 3, "z": 4}
print({**a, **b}, a | b, b | a, dict(a, **b))
print(a.keys() & b.keys(), a.keys() | b.keys(), a.items() - b.items())
pairs = list(zip(["a", "b", "c"], [1, 2, 3], strict=True))
print(pairs)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
for idx, (k, v) in enumerate(sorted(b.items(), key=lambda kv: -kv[1]), start=1):
    print(idx, k, v)
print(dict(sorted(combined.items(), key=lambda kv: len(kv[1]), reverse=True)[:2]).keys())
print(max(products, key=lambda p: p["qty"]), min(merged), any(len(v) > 3 for v in combined.values()))
del stores, merged, combined, products
