import struct

record = struct.Struct("<IhdB")  # id, delta, value, flag
print(record.size)

packed = b"".join(record.pack(i, (i % 200) - 100, i / 7, i & 1) for i in range(150_000))
print(len(packed))

decoded = list(record.iter_unpack(packed))
print(decoded[3])

flags = sum(r[3] for r in decoded)
header = struct.pack(">4sHI", b"HWTR", 1, len(decoded))
magic, version, n = struct.unpack(">4sHI", header)
print(magic, version, n, flags)

first = record.unpack_from(packed, record.size * 10)
print(first)
del decoded
print(struct.calcsize("iiq"), struct.calcsize("<iiq"))
