chunks = [bytes([i % 256]) * 1000 for i in range(20000)]
buf = bytearray()
for c in chunks:
    buf += c
small = bytearray(b"ab") + b"cd"
out = bytearray()
for i in range(3000):
    out.extend(b"x" * 37)
both = buf + out
del buf
del chunks
header = bytearray(16)
header += bytes(100)
