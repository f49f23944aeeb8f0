import struct
from enum import IntEnum

class Kind(IntEnum):
    READ = 1
    WRITE = 2
    SEEK = 3

REC = struct.Struct("<IBd")
buf = bytearray()
for i in range(100_000):
    buf += REC.pack(i, Kind((i % 3) + 1), i * 0.5)
print(len(buf), REC.size)
mv = memoryview(buf)
counts = {k: 0 for k in Kind}
for off in range(0, len(mv), REC.size):
    _, k, _ = REC.unpack_from(mv, off)
    counts[Kind(k)] += 1
print({k.name: v for k, v in counts.items()})
recs = list(REC.iter_unpack(buf))
print(recs[10])
mv.release()
del buf
print(len(recs))
del recs
