import json
records = [{"id": i, "tags": ["a", "b", str(i)], "meta": {"x": i, "y": [i] * 3}} for i in range(50000)]
blob = json.dumps(records)
print(len(blob))
del records
back = json.loads(blob)
print(back[123]["meta"])
del blob
small = [r for r in back if r["id"] % 100 == 0]
del back
print(len(small))
