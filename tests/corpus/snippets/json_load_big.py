import json

payload = json.dumps({"items": [{"id": i, "tags": ["a", "b", "c"], "score": i / 7} for i in range(150000)]})
print(f"{len(payload) / 1e6:.1f} MB of JSON")

data = json.loads(payload)
del payload
items = data["items"]
print(len(items))
del data
del items
