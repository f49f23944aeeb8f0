import json
records = [{"id": i, "name": "user%d" % i, "tags": ["a", "b"], "score": i / 7} for i in range(50000)]
text = json.dumps(records)
print(len(text))
back = json.loads(text)
print(back[123]["name"], round(back[123]["score"], 3))
del records
del back
print(text[:60])
del text
