import hashlib

blob = bytes(range(256)) * 8000
print(len(blob))

whole = hashlib.sha256(blob).hexdigest()
h = hashlib.sha256()
CHUNK = 64 * 1024
for off in range(0, len(blob), CHUNK):
    h.update(blob[off:off + CHUNK])
print(whole == h.hexdigest(), whole[:16])

digests = {}
for i in range(0, len(blob), 4096):
    chunk = blob[i:i + 4096]
    digests.setdefault(hashlib.md5(chunk).hexdigest(), []).append(i)
print(len(digests), max(len(v) for v in digests.values()))

print(hashlib.sha1(b"hello").hexdigest(), hashlib.blake2b(b"hello", digest_size=16).hexdigest())
c = h.copy()
c.update(b"more")
print(c.hexdigest() != h.hexdigest(), h.digest_size, h.name)
del blob
print(sorted(hashlib.algorithms_guaranteed)[:4])
