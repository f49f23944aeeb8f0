import struct

REC = struct.Struct("<IhdB3s")
print(REC.size, struct.calcsize("IhdB3s"), struct.calcsize("<IhdB3s"))

blob = bytearray()
for i in range(60000):
    blob += REC.pack(i, -(i % 300), i / 7, i % 256, b"abc")
print(len(blob))

records = []
for off in range(0, len(blob), REC.size):
    records.append(REC.unpack_from(blob, off))
print(len(records), records[7])
total = sum(r[2] for r in records)
print(round(total, 2))

packed = b"".join(struct.pack(">HH", i, i * 2 % 65536) for i in range(20000))
pairs = list(struct.iter_unpack(">HH", packed))
print(len(pairs), pairs[-1])
try:
    struct.pack("<h", 70000)
except struct.error as e:
    print("error:", e)
del blob, records, pairs
