# bytearray as a mutable byte store: writes through struct.pack_into, memoryview item and slice
# assignment, bytearray slice assignment and readinto, read back by unpack_from, slicing, bytes().
import array
import io
import struct

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, f"{type(e).__name__}: {e}")

REC = struct.Struct("<IhdQ")
big = bytearray(REC.size * 60_000)  # 1.32 MB: past the 1 MiB a JS string holds
for i in range(0, 60_000, 7):
    REC.pack_into(big, i * REC.size, i, (i % 400) - 100, i * 0.25, 2**40 + i)
show("rec 0", lambda: REC.unpack_from(big, 0))
show("rec 7", lambda: REC.unpack_from(big, 7 * REC.size))
show("rec 8 untouched", lambda: REC.unpack_from(big, 8 * REC.size))
show("rec last", lambda: REC.unpack_from(big, -REC.size))
show("rec 59997", lambda: REC.unpack_from(memoryview(big), 59997 * REC.size))
show("sum ids", lambda: sum(r[0] for r in REC.iter_unpack(big)))
show("slice len", lambda: len(big[REC.size * 100 : REC.size * 50_000]))
show("slice head", lambda: bytes(big[7 * REC.size : 8 * REC.size]).hex())
show("step slice", lambda: big[0:REC.size * 15:REC.size][:3])
show("bytes copy", lambda: bytes(big)[14 * REC.size : 14 * REC.size + 4])
show("index", lambda: (big[7 * REC.size], big[-1], big[len(big) // 2]))
show("count nonzero pages", lambda: sum(1 for k in range(0, len(big), 4096) if big[k] or big[k + 1]))

b = bytearray(16)
struct.pack_into("<I", b, 0, 0xDEADBEEF)
struct.pack_into(">H", b, 4, 258)
struct.pack_into("<d", b, -8, 1.5)
show("packed", lambda: bytes(b))
show("too far", lambda: struct.pack_into("<I", b, 14, 1))
show("negative no space", lambda: struct.pack_into("<I", b, -2, 1))
show("negative out of range", lambda: struct.pack_into("<I", b, -20, 1))
show("bytes target", lambda: struct.pack_into("<I", bytes(8), 0, 1))
show("int target", lambda: struct.pack_into("<I", 5, 0, 1))
show("readonly view", lambda: struct.pack_into("<I", memoryview(bytes(8)), 0, 1))
show("items", lambda: struct.pack_into("<I", b, 0, 1, 2))
show("no offset", lambda: struct.Struct("<I").pack_into(b))
show("no buffer", lambda: struct.pack_into("<I"))
show("no format", lambda: struct.pack_into())
show("str offset", lambda: struct.pack_into("<I", b, "x", 1))
show("range", lambda: struct.pack_into("<h", b, 0, 40000))
show("unpack_from short", lambda: struct.unpack_from("<I", b, 14))
show("unpack_from neg", lambda: struct.unpack_from("<I", b, -2))
show("unpack_from neg far", lambda: struct.unpack_from("<I", b, -20))
show("unpack_from int", lambda: struct.unpack_from("<I", 5, 0))

a = array.array("i", [0, 0, 0])
struct.pack_into("<i", a, 4, -7)
show("array target", lambda: a)
show("unpack array", lambda: struct.unpack_from("<H", array.array("b", [1, 2, 3])))

mv = memoryview(b)
mv[0:4] = b"abcd"
mv[8:16:2] = b"WXYZ"
mv[5] = 255
show("view writes", lambda: bytes(b))
show("view sub", lambda: (mv[1:3].tobytes(), mv[5]))
show("view bad len", lambda: mv.__setitem__(slice(0, 2), b"abc"))
show("view bad value", lambda: mv.__setitem__(0, 256))
show("view bad type", lambda: mv.__setitem__(0, "a"))
show("resize exported", lambda: b.extend(b"12"))
show("pop exported", lambda: b.pop())
sub = mv[4:12]
struct.pack_into("<Q", sub, 0, 2**63 + 5)
show("pack into subview", lambda: bytes(b[4:12]))
mv.release()
show("resize after release", lambda: b.extend(b"12"))
sub.release()
b.extend(b"12")
show("extended", lambda: len(b))

ai = array.array("d", [1.0, 2.0, 3.0])
ma = memoryview(ai)
ma[1] = 9.5
ma[0:1] = memoryview(array.array("d", [4.25]))
show("array view", lambda: ai)
show("array view format", lambda: ma.__setitem__(slice(0, 1), b"12345678"))
ma.release()

b2 = bytearray(b"0123456789" * 40)
b2[100:110] = b"ABCDEFGHIJ"
b2[0:3] = b"xyz"
b2[395:] = b"!!!!!"
show("slice assign", lambda: (bytes(b2[:12]), bytes(b2[98:112]), bytes(b2[-6:]), len(b2)))

f = io.BytesIO(bytes(range(256)) * 8)
dst = bytearray(1000)
show("readinto", lambda: f.readinto(dst))
show("readinto view", lambda: f.readinto(memoryview(dst)[10:20]))
show("dst", lambda: (dst[:4], dst[10:14], dst[996:]))
show("tell", lambda: f.tell())
f.seek(2040)
show("readinto short", lambda: (f.readinto(dst), dst[:10]))
show("readinto eof", lambda: f.readinto(dst))
show("readinto bytes", lambda: f.readinto(b"abc"))
g = io.BytesIO(b"hello")
view = g.getbuffer()
view[0:2] = b"HE"
view.release()
show("getbuffer write", lambda: g.getvalue())

sieve = bytearray(b"\x01") * 2_000_000
sieve[0] = sieve[1] = 0
for p in range(2, 1415):
    if sieve[p]:
        sieve[p * p :: p] = bytes(len(range(p * p, 2_000_000, p)))
show("sieve", lambda: (sieve[97], sieve[99], sieve[1_999_993]))
show("primes below 2e6", lambda: sum(1 for i in range(0, 2_000_000, 1) if sieve[i]))
