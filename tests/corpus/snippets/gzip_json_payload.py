import gzip
import json

records = [{"id": i, "name": f"item-{i}", "tags": ["a", "b", "c"][: i % 3 + 1], "price": i * 0.25}
           for i in range(20000)]
payload = json.dumps(records).encode("utf-8")
print("json bytes:", len(payload))

body = gzip.compress(payload)
print("gzip bytes:", len(body) // 1000, "KB")

del records
back = json.loads(gzip.decompress(body))
print(len(back), back[-1]["name"])
