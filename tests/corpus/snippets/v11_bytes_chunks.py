chunks = [bytes(range(256)) * 8 for _ in range(3000)]
print(len(chunks), len(chunks[0]))
blob = b"".join(chunks)
print(len(blob))
del chunks
buf = bytearray()
for i in range(0, len(blob), 4096):
    buf += blob[i:i + 100]
print(len(buf))
hexes = [blob[i:i + 16].hex() for i in range(0, 200000, 16)]
print(len(hexes), hexes[1])
del blob
print(bytes(buf[:8]))
