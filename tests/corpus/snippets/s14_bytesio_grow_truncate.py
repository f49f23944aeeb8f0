import io

buf = io.BytesIO()
for i in range(20000):
    buf.write(b"record-%06d|" % i + b"x" * 40 + b"\n")
print("size after writes:", buf.tell(), len(buf.getvalue()))

view = buf.getbuffer()
print("first line:", bytes(view[:20]))
view.release()

buf.seek(0)
header = buf.read(64)
buf.truncate(0)
buf.seek(0)
print("after truncate:", len(buf.getvalue()), header[:16])

for i in range(5000):
    buf.write(b"small-%d\n" % i)
data = buf.getvalue()
print("second round:", len(data), data.count(b"\n"))

del data
buf.close()
del buf
print("closed")
