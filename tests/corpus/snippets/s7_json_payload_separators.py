import json

payload = {
    "items": [
        {"id": i, "name": f"item-{i}", "tags": ["a", "b", "c"][: i % 4], "price": round(i * 0.37, 2),
         "meta": {"active": i % 2 == 0, "parent": None if i % 5 else i - 1}}
        for i in range(30000)
    ],
    "total": 30000,
}
pretty = json.dumps(payload, indent=2, sort_keys=True)
compact = json.dumps(payload, separators=(",", ":"))
print(len(pretty), len(compact), len(compact) / len(pretty) < 0.7)
back = json.loads(compact)
print(back == payload, back["items"][10])
del pretty
ascii_heavy = json.dumps({"text": "naïve café " * 1000})
print(len(ascii_heavy), len(json.dumps({"text": "naïve café " * 1000}, ensure_ascii=False)))
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print("bad json:", e.msg, e.pos)
del back, payload
print(json.dumps([1.5, float("inf"), None, True]))
