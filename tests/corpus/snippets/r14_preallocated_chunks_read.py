import hashlib
import zlib

# A pool of preallocated record buffers, then a checksum pass over them.
SLOT = 96 * 1024
slots = [bytes(SLOT) for _ in range(200)]
print(len(slots), sum(len(s) for s in slots))

crc = 0
for s in slots[:100]:
    crc = zlib.crc32(s, crc)
print(hex(crc))

digest = hashlib.sha256(b"".join(slots[100:])).hexdigest()
print(digest[:16])

scan = bytes(6_000_000)
hits = sum(1 for b in scan[::4096] if b)
print("nonzero pages:", hits)
total = 0
for b in scan[:2_000_000]:
    total += b
print(total)
view = memoryview(scan)
firsts = view[3_000_000:3_400_000].tolist()
print(len(firsts), max(firsts))
del slots, scan, view, firsts
