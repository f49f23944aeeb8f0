import json

orders = [
    {"id": i, "customer": f"c{i % 997}", "items": [{"sku": f"s{j}", "qty": j + 1} for j in range(i % 4)],
     "total": round(i * 1.25, 2), "paid": i % 3 == 0}
    for i in range(40000)
]
text = json.dumps(orders)
print(len(text))
back = json.loads(text)
print(back == orders, back[5])
pretty = json.dumps(back[:2000], indent=2, sort_keys=True)
print(pretty.count("\n"))
del orders
lines = [json.dumps(o) for o in back]
parsed = [json.loads(line) for line in lines]
print(len(parsed), parsed[-1]["total"])
del text, pretty
del back, lines
