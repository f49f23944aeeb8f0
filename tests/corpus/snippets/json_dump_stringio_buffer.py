import io
import json

records = [
    {"id": i, "name": f"sensor-{i}", "values": [i * 0.5, i * 1.5, i * 2.5], "ok": i % 3 != 0}
    for i in range(40_000)
]

buf = io.StringIO()
json.dump(records, buf)
print("chars written:", buf.tell())

text = buf.getvalue()
print("getvalue length:", len(text))

buf2 = io.StringIO()
for r in records:
    buf2.write(json.dumps(r, separators=(",", ":")))
    buf2.write("\n")
print("jsonl chars:", len(buf2.getvalue()))

buf.seek(0)
loaded = json.load(buf)
print("round trip ok:", loaded == records)

buf.close()
del text, loaded
buf2.seek(0)
first = json.loads(buf2.readline())
print(first)
buf2.truncate(0)
print("after truncate:", len(buf2.getvalue()))
del records, buf2
