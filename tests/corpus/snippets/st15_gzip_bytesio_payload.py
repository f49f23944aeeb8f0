import gzip
import io
import json

# an API response arrives gzip-compressed; decode it through GzipFile over a BytesIO
records = [{"id": i, "name": f"user{i}", "tags": ["a", "b", str(i % 7)], "score": i * 1.5} for i in range(20000)]
body = gzip.compress(json.dumps(records).encode(), compresslevel=6)
del records
print(len(body))

with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
    payload = json.load(gz)
print(len(payload), payload[-1]["name"])

chunks = []
with gzip.GzipFile(fileobj=io.BytesIO(body), mode="rb") as gz:
    while True:
        block = gz.read(64 * 1024)
        if not block:
            break
        chunks.append(block)
print(len(chunks), sum(len(c) for c in chunks))

with gzip.open(io.BytesIO(body), "rt", encoding="utf-8") as f:
    text = f.read()
print(len(text))
del payload, chunks, text, body
