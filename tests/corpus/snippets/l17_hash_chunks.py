import hashlib
import base64
import zlib

blobs = [bytes([i % 256]) * 4096 for i in range(2_000)]
digests = {hashlib.sha256(b).hexdigest()[:12]: i for i, b in enumerate(blobs)}
print(len(digests))
joined = b"".join(blobs)
packed = zlib.compress(joined, 6)
print(len(joined), len(packed))
encoded = base64.b64encode(packed)
print(encoded[:16], len(encoded))
back = zlib.decompress(base64.b64decode(encoded))
print(back == joined)
del blobs, joined, back
print(hashlib.md5(packed).hexdigest())
