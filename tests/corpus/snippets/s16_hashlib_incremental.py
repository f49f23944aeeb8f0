import hashlib

data = bytes(range(256)) * 40000
print(len(data))

whole = hashlib.sha256(data).hexdigest()

h = hashlib.sha256()
for off in range(0, len(data), 8192):
    h.update(data[off:off + 8192])
print(h.hexdigest() == whole)

view = memoryview(data)
h2 = hashlib.sha256()
for off in range(0, len(data), 8192):
    h2.update(view[off:off + 8192])
print(h2.hexdigest() == whole)
view.release()

digests = {}
for i in range(30000):
    key = f"user-{i}@example.com"
    digests[key] = hashlib.md5(key.encode()).hexdigest()
print(len(digests), digests["user-0@example.com"][:8])

blake = hashlib.blake2b(digest_size=16)
for key in digests:
    blake.update(key.encode())
print(blake.hexdigest())

sha1s = [hashlib.sha1(str(i).encode()).digest() for i in range(50000)]
print(len(set(sha1s)))
del data, digests, sha1s
