import json, io
records = [{"id": i, "name": "user%d" % i, "tags": ["a", "b", str(i % 7)], "score": i / 3} for i in range(40000)]
blob = json.dumps(records)
print(len(blob))
del records
back = json.loads(blob)
print(back[123]["name"], sum(r["score"] for r in back) // 1)
buf = io.StringIO()
for r in back[:5000]:
    buf.write("{id},{name},{score:.2f}\n".format(**r))
text = buf.getvalue()
print(text.count("\n"))
del back, blob, buf
