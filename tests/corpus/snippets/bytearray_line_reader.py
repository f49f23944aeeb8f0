# A socket-style line reader: chunks arrive, complete lines are cut off the front.
data = b"".join(b"GET /item/%d HTTP/1.1\r\n" % i for i in range(30000))

buffer = bytearray()
lines = []
for start in range(0, len(data), 1500):
    buffer.extend(data[start:start + 1500])
    while True:
        end = buffer.find(b"\r\n")
        if end == -1:
            break
        lines.append(buffer[:end].decode())
        del buffer[:end + 2]

print(len(lines), lines[0], lines[-1], len(buffer))
buffer.clear()
del lines
