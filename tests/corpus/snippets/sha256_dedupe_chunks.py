import hashlib

# dedupe "file" chunks by their sha256, like a backup tool would
CHUNK = 4096
blob = b"".join(bytes([i % 251]) * CHUNK for i in range(600)) * 2

seen = {}
dupes = 0
for off in range(0, len(blob), CHUNK):
    chunk = blob[off:off + CHUNK]
    digest = hashlib.sha256(chunk).hexdigest()
    if digest in seen:
        dupes += 1
    else:
        seen[digest] = off

print(len(seen), "unique chunks,", dupes, "duplicates")
print(next(iter(seen)))
del blob
print(hashlib.md5(b"done").hexdigest())
