data = bytearray(b"header:" + bytes(range(256)) * 4000)
print(len(data))

view = memoryview(data)
payload = view[7:]
chunks = [payload[i:i + 4096] for i in range(0, len(payload), 4096)]
print(len(chunks), chunks[0].nbytes, chunks[-1].nbytes, chunks[1][0])

copies = [bytes(c) for c in chunks[:50]]
print(sum(len(c) for c in copies))
try:
    data.append(1)
except BufferError as e:
    print("locked:", e)
for c in chunks:
    c.release()
payload.release()
view.release()
data.extend(b"tail")
print(len(data), data[-4:])

b = bytes(data)
parts = b[7:].split(b"\xff")
print(len(parts), len(parts[1]))
del data, copies, parts
mv = memoryview(b)
print(mv[:7].tobytes(), mv.readonly, mv[7], mv.format)
del mv, b
