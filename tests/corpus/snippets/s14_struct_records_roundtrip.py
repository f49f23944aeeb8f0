import struct

HEADER = struct.Struct("<4sHI")
RECORD = struct.Struct("<IdH10s")

blob = bytearray(HEADER.pack(b"HWR1", 1, 40000))
for i in range(40000):
    blob += RECORD.pack(i, i / 3.0, i % 65535, f"n{i}".encode())
print("blob bytes:", len(blob))

magic, version, count = HEADER.unpack_from(blob, 0)
print(magic, version, count)

records = [RECORD.unpack_from(blob, HEADER.size + k * RECORD.size) for k in range(count)]
print(records[5])

names = [r[3].rstrip(b"\0").decode() for r in records]
print(names[-1], struct.calcsize("<IdH10s"), struct.pack(">h", -2))

packed = b"".join(struct.pack("<f", r[1]) for r in records[:10000])
floats = struct.unpack("<%df" % 10000, packed)
print(round(sum(floats), 2))
del blob, records, names, packed
print("done")
