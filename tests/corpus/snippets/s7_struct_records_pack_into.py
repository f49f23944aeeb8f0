import struct

Record = struct.Struct("<IdH10s")
print("record size:", Record.size, struct.calcsize("IdH10s"))

N = 50000
table = bytearray(Record.size * N)
for i in range(N):
    Record.pack_into(table, i * Record.size, i, i * 0.5, i % 1000, f"name{i}".encode())
print(len(table))

total = 0.0
names = set()
for rid, score, bucket, name in Record.iter_unpack(table):
    total += score
    names.add(name.rstrip(b"\0"))
print(total, len(names))

first = Record.unpack_from(table, 0)
last = Record.unpack_from(table, (N - 1) * Record.size)
print(first, last[0], last[3])
try:
    struct.pack("<H", 70000)
except struct.error as e:
    print("error:", e)
as_tuples = [Record.unpack_from(table, i * Record.size) for i in range(0, N, 10)]
print(len(as_tuples))
del table, as_tuples
