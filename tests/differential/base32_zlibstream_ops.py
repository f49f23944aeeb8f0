# base64's b32 family (padding for every leftover, casefold, map01, the errors) and zlib's
# streaming objects (compressobj in pieces with each flush mode, decompressobj with eof and
# unused_data, the errors after the end).
import base64
import binascii
import zlib

for n in range(0, 12):
    data = bytes(range(40, 40 + n))
    enc = base64.b32encode(data)
    print(n, enc, base64.b32decode(enc) == data, base64.b32hexencode(data), base64.b32hexdecode(base64.b32hexencode(data)) == data)
print(base64.b32encode(bytearray(b"hello world")), base64.b32encode(memoryview(b"abcdefgh")))
print(base64.b32decode("nbswy3dp", casefold=True), base64.b32decode(b"NBSWY3DP"))
print(base64.b32decode(b"0BSWY3DP", map01=b"L") if False else base64.b32decode(b"NBSWY3DP", map01=b"L"))
for bad in (b"NBSWY3D", b"NBSWY3D!", b"NBSWY===", b"N=======", "ñ"):
    try:
        print(base64.b32decode(bad))
    except (binascii.Error, ValueError) as e:
        print(type(e).__name__, e)
try:
    base64.b32encode("text")
except TypeError as e:
    print("TypeError", e)

data = b"".join(b"%d,%s;" % (i, b"ab" * (i % 9)) for i in range(30000))
for level, wbits in ((6, 15), (1, -15), (9, 31), (0, 15)):
    c = zlib.compressobj(level, zlib.DEFLATED, wbits)
    parts = [c.compress(data[i:i + 7000]) for i in range(0, len(data), 7000)]
    mid = c.flush(zlib.Z_SYNC_FLUSH)
    full = c.flush(zlib.Z_FULL_FLUSH)
    parts.append(c.compress(b"tail" * 100))
    parts.append(c.flush())
    body = b"".join(parts[:-2]) + mid + full + b"".join(parts[-2:])
    print(level, wbits, [len(p) for p in parts][:6], len(mid), len(full), len(body), zlib.decompress(body, wbits) == data + b"tail" * 100)
d = zlib.decompressobj()
body = zlib.compress(data) + b"junk"
pieces = [d.decompress(body[i:i + 3000]) for i in range(0, len(body), 3000)]
print(len(pieces), [len(p) for p in pieces][:5], d.eof, d.unused_data, d.unconsumed_tail, b"".join(pieces) == data)
print(d.decompress(b"more"), d.unused_data, d.flush())
try:
    d.decompress(b"after flush")
except zlib.error as e:
    print("error", e)
d2 = zlib.decompressobj(wbits=47)
print(d2.decompress(zlib.compress(b"xyz" * 10, 9, 31)), d2.eof)
d3 = zlib.decompressobj()
try:
    d3.decompress(b"not zlib at all")
except zlib.error as e:
    print("error", e)
c = zlib.compressobj()
print(c.compress(b""), c.flush(zlib.Z_NO_FLUSH), len(c.flush()), type(c).__name__, type(d).__name__)
try:
    c.flush()
except zlib.error as e:
    print("error", e)
for bad in ((12,), (6, zlib.DEFLATED, 7), (6, zlib.DEFLATED, 15, 10)):
    try:
        zlib.compressobj(*bad)
    except (zlib.error, ValueError) as e:
        print(type(e).__name__, e)
try:
    zlib.decompressobj(99)
except (zlib.error, ValueError) as e:
    print(type(e).__name__, e)
