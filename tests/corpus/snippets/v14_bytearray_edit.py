buf = bytearray()
for i in range(20000):
    buf.extend(b"record-%05d;" % i)
print(len(buf))
view = memoryview(buf)
head = bytes(view[:1000])
view.release()
del buf[: len(buf) // 2]
print(len(buf), head[:13])
buf[100:200] = b""
copies = [bytes(buf[i : i + 4096]) for i in range(0, len(buf), 4096)]
print(len(copies))
del buf
joined = b"".join(copies)
print(len(joined))
del copies, joined
