chunks = []
for i in range(20000):
    chunks.append(b"%06d:" % i + b"z" * 50)
print(len(chunks))
blob = b"".join(chunks)
print(len(blob))
del chunks
buf = bytearray()
for i in range(0, len(blob), 4096):
    buf += blob[i:i + 4096]
print(len(buf))
parts = blob.split(b":")
print(len(parts))
del parts
big = bytes(3_000_000)
print(big.count(0))
del big, buf, blob
