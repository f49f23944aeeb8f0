import random

random.seed(3)
chunks = [random.randbytes(1000 + (i % 7) * 300) for i in range(5000)]
print(sum(map(len, chunks)))
payload = b"".join(chunks)
print(len(payload))
del chunks
cleaned = payload.replace(b"\x00", b"")
print(len(cleaned) <= len(payload))
hexed = cleaned[:200000].hex()
print(len(hexed))
parts = payload.split(b"\xff")
print(len(parts) > 1000)
del payload, parts
back = bytes.fromhex(hexed)
print(len(back))
del cleaned, hexed, back
