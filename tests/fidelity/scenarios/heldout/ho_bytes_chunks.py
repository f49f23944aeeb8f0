# title: Reading a stream in chunks: bytes, join and bytearray
chunks = []
for i in range(50000):
    chunks.append(bytes([i % 256]) * 600)
blob = b"".join(chunks)
buf = bytearray()
for c in chunks[:20000]:
    buf += c
copy = bytes(buf)
del chunks
del buf
del blob, copy
