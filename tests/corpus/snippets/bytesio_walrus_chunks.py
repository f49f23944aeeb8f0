import hashlib
import io

payload = b"".join(f"row {i:07d},{i * 3},{i % 17}\n".encode() for i in range(200_000))
source = io.BytesIO(payload)
print("payload bytes:", len(payload))

digest = hashlib.sha1()
chunks = 0
while chunk := source.read(64 * 1024):
    digest.update(chunk)
    chunks += 1
print("chunks:", chunks, "sha1 prefix:", digest.hexdigest()[:12])

source.seek(0)
lines = 0
while line := source.readline():
    lines += 1
print("lines:", lines)

view = source.getbuffer()
print("view length:", len(view), "first byte:", view[0])
del view

out = io.BytesIO()
source.seek(0)
while block := source.read(10_000):
    out.write(block.upper())
print("copied:", out.tell())

del payload
print("source still holds:", len(source.getvalue()))
source.close()
del out
