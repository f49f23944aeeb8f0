import struct

RECORD = struct.Struct("<IdH10s")
buf = bytearray()
for i in range(100000):
    buf += RECORD.pack(i, i * 0.5, i % 65535, f"name{i % 1000}".encode())
print(len(buf), "bytes,", RECORD.size, "per record")

rows = [RECORD.unpack_from(buf, off) for off in range(0, len(buf), RECORD.size)]
print(rows[12345])
del buf
ids = [r[0] for r in rows]
print(sum(ids))
