import struct

RECORD = struct.Struct("<IhdI8s")
print("record size", RECORD.size)

blob = bytearray()
for i in range(60000):
    blob += RECORD.pack(i, i % 300 - 150, i / 7, i * 13 % 65536, f"s{i % 100:07d}".encode())
print(len(blob))

records = [RECORD.unpack_from(blob, off) for off in range(0, len(blob), RECORD.size)]
print(records[3])

temps = [r[1] for r in records]
print(min(temps), max(temps))

header = struct.pack(">4sHH", b"HWTR", 1, len(records) % 65536)
magic, version, n = struct.unpack(">4sHH", header)
print(magic, version, n)

again = list(RECORD.iter_unpack(bytes(blob)))
print(len(again) == len(records))
del records, again, blob
