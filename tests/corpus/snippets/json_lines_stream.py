import io
import json

buf = io.StringIO()
for i in range(100000):
    buf.write(json.dumps({"event": "click", "id": i, "meta": {"x": i % 640, "y": i % 480}}) + "\n")

buf.seek(0)
clicks = 0
for line in buf:
    rec = json.loads(line)
    if rec["meta"]["x"] > 320:
        clicks += 1
print(clicks)
buf.close()
