import struct

HEADER = struct.Struct("!HI")


def make_stream(n):
    out = bytearray()
    for i in range(n):
        payload = (f"msg-{i}:" + "z" * (i % 200)).encode()
        out += HEADER.pack(i % 65536, len(payload))
        out += payload
    return bytes(out)


stream = make_stream(20000)
print("stream bytes:", len(stream))

buf = bytearray()
messages = []
for off in range(0, len(stream), 4096):
    buf.extend(stream[off:off + 4096])
    while len(buf) >= HEADER.size:
        seq, length = HEADER.unpack_from(buf)
        if len(buf) < HEADER.size + length:
            break
        body = bytes(buf[HEADER.size:HEADER.size + length])
        del buf[:HEADER.size + length]
        messages.append((seq, body))
print(len(messages), messages[5], len(buf))
print(messages[-1][1][:12], sum(len(b) for _, b in messages))
mv = memoryview(stream)
print(bytes(mv[:6]), mv.nbytes)
mv.release()
del stream, messages
