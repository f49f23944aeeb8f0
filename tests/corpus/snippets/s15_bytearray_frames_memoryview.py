import struct

buf = bytearray()
for i in range(20000):
    payload = f"msg-{i}".encode() * 3
    buf += struct.pack("!HI", len(payload), i) + payload
print(len(buf))

view = memoryview(buf)
offset = 0
messages = []
while offset < len(view):
    length, seq = struct.unpack_from("!HI", view, offset)
    offset += 6
    messages.append((seq, bytes(view[offset:offset + length])))
    offset += length
print(len(messages), messages[-1])

chunk = view[:1024]
print(chunk.nbytes, chunk.tobytes()[:12])
try:
    buf.extend(b"x" * 10)
except BufferError as e:
    print("BufferError:", e)
chunk.release()
view.release()
buf.extend(b"x" * 10)
print(len(buf))
del messages
del buf[: len(buf) // 2]
print(len(buf))
del buf
