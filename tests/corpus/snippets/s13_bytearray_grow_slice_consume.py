buf = bytearray()
for i in range(50000):
    buf += i.to_bytes(4, "little") * 5
print("buffer:", len(buf))

frames = []
while len(buf) >= 4096:
    frames.append(bytes(buf[:4096]))
    del buf[:4096]
print("frames:", len(frames), "rest:", len(buf))

tail = buf[-10:]
buf.extend(b"\x00" * 1_000_000)
print("tail:", tail.hex(), "grown to", len(buf))
del buf[100:]
print("shrunk to", len(buf))
del frames
del buf
