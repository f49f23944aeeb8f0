import io
import hashlib

payload = bytes(range(256)) * 16384
print(len(payload))
stream = io.BytesIO(payload)
chunks = []
while True:
    block = stream.read(65536)
    if not block:
        break
    chunks.append(block)
print(len(chunks), stream.tell())
digest = hashlib.sha256(b"".join(chunks)).hexdigest()[:16]
print(digest)
out = io.BytesIO()
for c in chunks:
    out.write(c[::-1])
print(out.tell(), len(out.getvalue()))
view = out.getbuffer()
print(view.nbytes, view[0])
view.release()
del chunks, payload
out.truncate(0)
print(out.tell(), len(out.getvalue()))
del out, stream
