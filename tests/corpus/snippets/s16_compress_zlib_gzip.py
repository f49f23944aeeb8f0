import zlib
import gzip
import bz2
import lzma

payload = ("".join(f"row {i}, value {i * 3 % 1000}, status ok\n" for i in range(100000))).encode()
print("raw:", len(payload))

z = zlib.compress(payload, 6)
print("zlib:", len(z))
back = zlib.decompress(z)
assert back == payload
del back

g = gzip.compress(payload)
print("gzip:", len(g))

b = bz2.compress(payload)
print("bz2:", len(b))

x = lzma.compress(payload)
print("lzma:", len(x))

comp = zlib.compressobj()
parts = []
for off in range(0, len(payload), 65536):
    parts.append(comp.compress(payload[off:off + 65536]))
parts.append(comp.flush())
stream = b"".join(parts)
print("streamed:", len(stream), zlib.crc32(payload))

restored = gzip.decompress(g)
print(restored[:20])
del payload, restored, parts
