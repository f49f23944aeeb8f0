import struct

RECORD = struct.Struct("<IhdQ")  # id, temperature*10, reading, timestamp
print("record size:", RECORD.size)

buffer = bytearray(RECORD.size * 50_000)
for i in range(50_000):
    RECORD.pack_into(buffer, i * RECORD.size, i, (i % 400) - 100, i * 0.01, 1_700_000_000 + i)
print("packed", len(buffer), "bytes")

rows = [RECORD.unpack_from(buffer, off) for off in range(0, len(buffer), RECORD.size)]
print("rows:", len(rows), rows[1])

hot = [r for r in rows if r[1] > 250]
print("hot readings:", len(hot))

view = memoryview(buffer)
header = struct.unpack_from("<I", view, RECORD.size * 10)
print("id at record 10:", header[0])
view.release()

ids = struct.unpack(f"<{1000}I", struct.pack(f"<{1000}I", *range(1000)))
print("bulk ids", len(ids), ids[-1])

del rows, hot
buffer = bytes(buffer[: RECORD.size * 100])
print("trimmed buffer", len(buffer))
