import sys

parts = [f"{i:08d}".encode() for i in range(100000)]
joined = b"".join(parts)
print(len(joined), sys.getsizeof(joined))

acc = b""
for p in parts[:5000]:
    acc += p
print(len(acc), acc == joined[:40000])

buf = bytearray()
for p in parts:
    buf += p
print(len(buf), bytes(buf[:8]))
hexed = joined[:16].hex()
print(hexed, bytes.fromhex(hexed) == joined[:16])
print(joined.count(b"9"), joined.find(b"00099999"))
lines = b"\n".join(parts).splitlines()
print(len(lines), lines[42])
del parts, lines
upper = joined.upper()
print(upper is joined, joined.replace(b"0", b"")[:10])
del joined, acc, buf, upper
