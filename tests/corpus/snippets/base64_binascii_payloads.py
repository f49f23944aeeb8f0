"""Encode binary blobs for a JSON API: base64 vs hex, and what the copies cost."""
import base64
import binascii
import os


def make_blobs(n, size):
    return [os.urandom(size) for _ in range(n)]


blobs = make_blobs(2_000, 1_024)
print(f"{len(blobs)} blobs, {sum(map(len, blobs)):,} raw bytes")

encoded = [base64.b64encode(b).decode("ascii") for b in blobs]
print("b64 chars:", sum(len(s) for s in encoded))

hexed = [binascii.hexlify(b) for b in blobs]
print("hex bytes:", sum(map(len, hexed)))

decoded = [base64.b64decode(s) for s in encoded]
assert decoded == blobs
crc = 0
for b in decoded:
    crc = binascii.crc32(b, crc)
print("crc32 of everything:", crc == binascii.crc32(b"".join(blobs)))

urlsafe = base64.urlsafe_b64encode(b"".join(blobs[:100])).rstrip(b"=")
print("urlsafe length", len(urlsafe))

del hexed, decoded
big = base64.b64encode(os.urandom(3 * 2**20))
print("big payload", len(big))
del big, encoded
