import json

records = [{"id": i, "name": f"item-{i}", "tags": ["a", "b", str(i % 10)], "price": i / 4}
           for i in range(30000)]
text = json.dumps(records)
print(len(text))
del records
loaded = json.loads(text)
print(loaded[-1]["name"], len(loaded))
pretty = json.dumps(loaded[:2000], indent=2, sort_keys=True)
print(pretty.count("\n"))
del text
del loaded
print(len(pretty))
del pretty
