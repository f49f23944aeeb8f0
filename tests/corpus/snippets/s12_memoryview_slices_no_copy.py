data = bytearray(range(256)) * 40000
print(len(data))
view = memoryview(data)
chunks = [view[i:i + 4096] for i in range(0, len(view), 4096)]
print(len(chunks), chunks[3][:4].tolist(), chunks[0].nbytes)
copies = [bytes(c) for c in chunks[:500]]
print(len(copies), sum(len(c) for c in copies))
ints = view[:4000].cast("I")
print(len(ints), ints[0], ints.format, ints.itemsize)
ints.release()
del copies
for c in chunks:
    c.release()
del chunks
view.release()
data.extend(b"tail")
print(len(data), data[-4:])
del data
